import { type CSSResultGroup, type CSSResultOrNative, LitElement, type PropertyDeclarations } from 'lit';
import { warnInDev } from '../dev/warn.js';
import { hostStyles } from '../theme/theme.styles.js';
import { version } from '../version.js';
import {
  closestAttribute,
  resolveDir,
  resolveLang,
  watchInheritedAttributes,
} from './inherited-attributes.js';

/** The themes an element can be asked for; `auto` follows `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

const isTheme = (value: string): value is Theme => (THEMES as readonly string[]).includes(value);

/**
 * The base every Kumo element extends: a thin layer over `LitElement`.
 *
 * How elements declare reactive properties (the house pattern): `static override properties`
 * with a `declare` field per property and defaults assigned in the constructor. The build uses
 * neither legacy nor standard decorators, and `declare` keeps class fields from shadowing Lit's
 * accessors whatever `useDefineForClassFields` a consumer's compiler uses.
 *
 * ```ts
 * export class KumoThing extends KumoElement {
 *   static override properties = { maxFiles: { type: Number, attribute: 'max-files' } };
 *   declare maxFiles: number;
 *   constructor() { super(); this.maxFiles = 1; }
 * }
 * ```
 *
 * What it adds:
 * - `resolvedLang`, `resolvedDir` and `resolvedTheme`, following the element's own or nearest
 *   ancestor's `lang`, `dir` and `theme` attributes (through shadow roots) and updating when they
 *   change; reflected as the custom states `:state(ltr)`/`:state(rtl)` and
 *   `:state(light)`/`:state(dark)` for styles.
 * - `hostStyles` ahead of the element's own `static styles` (border-box, `hidden`, direction);
 *   elements list `themeStyles` themselves, then their own styles.
 * - `static delegatesFocus`: set it to true where the host is the focus target.
 * - `internals`: the element's one `ElementInternals` (form-associated elements use it too).
 * - `static version`: named by `defineElement` when two copies clash.
 */
export class KumoElement extends LitElement {
  /** The package version this class comes from. */
  static version: string = version;

  /** Whether focusing the host moves focus to its first focusable shadow descendant. */
  static delegatesFocus = false;

  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    resolvedLang: { state: true },
    resolvedDir: { state: true },
    resolvedTheme: { state: true },
  };

  /** Colour theme for this element and Kumo elements inside it: `light`, `dark` or `auto`. */
  declare theme: Theme | undefined;
  /** The language in effect: the nearest `lang`, else the browser's. */
  declare resolvedLang: string;
  /** The layout direction in effect: the nearest `dir`, else the language's direction. */
  declare resolvedDir: 'ltr' | 'rtl';
  /** The theme in effect: the nearest valid `theme` attribute, else `auto`. */
  declare resolvedTheme: Theme;

  /** This element's `ElementInternals`: custom states, and form association where declared. */
  protected readonly internals: ElementInternals;

  private stopWatching?: () => void;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.theme = undefined;
    this.resolvedLang = 'en';
    this.resolvedDir = 'ltr';
    this.resolvedTheme = 'auto';
  }

  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    // biome-ignore lint/complexity/noThisInStatic: `super` is the inherited implementation; naming LitElement would skip any class in between.
    return [hostStyles, ...super.finalizeStyles(styles)];
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const ctor = this.constructor as typeof KumoElement;
    if (!this.shadowRoot && ctor.delegatesFocus) {
      this.attachShadow({ ...ctor.shadowRootOptions, delegatesFocus: true });
    }
    return super.createRenderRoot();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveInherited();
    this.stopWatching = watchInheritedAttributes(this, () => this.resolveInherited());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Re-reads `lang`, `dir` and `theme` from the element and its ancestors. */
  protected resolveInherited(): void {
    const lang = resolveLang(this);
    const dir = resolveDir(this, lang);
    const themeValue = closestAttribute(this, 'theme')?.toLowerCase() ?? 'auto';
    if (!isTheme(themeValue)) {
      warnInDev('invalid-theme', `theme="${themeValue}" is not one of ${THEMES.join(', ')}; using auto.`);
    }
    const theme = isTheme(themeValue) ? themeValue : 'auto';
    if (lang !== this.resolvedLang) this.resolvedLang = lang;
    if (dir !== this.resolvedDir) this.resolvedDir = dir;
    if (theme !== this.resolvedTheme) this.resolvedTheme = theme;
    this.setState('rtl', dir === 'rtl');
    this.setState('ltr', dir === 'ltr');
    this.setState('dark', theme === 'dark');
    this.setState('light', theme === 'light');
  }

  /** Adds or removes a custom state (`:state(name)` in CSS); a no-op where unsupported. */
  protected setState(name: string, on: boolean): void {
    const states = this.internals.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Older engines only accept the `--name` form; styles there fall back to the defaults.
    }
  }

  /** Whether the element currently has the custom state `name`. */
  hasState(name: string): boolean {
    return this.internals.states?.has(name) ?? false;
  }
}
