import { css } from 'lit';

export const progressStyles = css`
  :host {
    display: block;
  }

  .track {
    position: relative;
    overflow: hidden;
    block-size: var(--kumo-progress-height, 0.5rem);
    border-radius: var(--kumo-radius-full);
    background: var(--kumo-progress-track-color, var(--kumo-color-surface-muted));
    /* Windows high-contrast mode drops backgrounds; keep the track visible. */
    outline: 1px solid transparent;
  }

  .indicator {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: var(--_kumo-progress-fill, 0%);
    border-radius: inherit;
    background: var(--kumo-progress-color, var(--kumo-color-progress));
    transition: inline-size var(--kumo-duration) var(--kumo-easing);
  }

  :host([state='error']) .indicator {
    background: var(--kumo-color-danger);
  }

  :host([state='complete']) .indicator {
    background: var(--kumo-color-success);
  }

  :host([indeterminate]) .indicator {
    inline-size: 40%;
    animation: kumo-progress-indeterminate calc(var(--kumo-duration-slow) * 5) var(--kumo-easing) infinite;
  }

  :host(:state(rtl)[indeterminate]) .indicator {
    animation-name: kumo-progress-indeterminate-rtl;
  }

  @keyframes kumo-progress-indeterminate {
    from {
      translate: -100% 0;
    }
    to {
      translate: 250% 0;
    }
  }

  @keyframes kumo-progress-indeterminate-rtl {
    from {
      translate: 100% 0;
    }
    to {
      translate: -250% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host([indeterminate]) .indicator {
      animation: none;
      inline-size: 100%;
      opacity: 0.5;
    }
  }
`;
