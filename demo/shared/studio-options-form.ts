// What the studio pages' options forms share: reporting every edit as a whole new state, and
// reading and writing the kinds of control the forms are made of. A page's form subclasses it with
// its own `write` and `read`; neither knows about the preview or the code.
import type { StudioOptionsForm } from './studio-workbench.js';

/** `value` when it is one of `values`, else `fallback`. */
export const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export abstract class StudioOptionsFormBase<State> implements StudioOptionsForm<State> {
  constructor(
    readonly form: HTMLFormElement,
    private readonly onChange: (state: State) => void,
  ) {
    form.addEventListener('input', (event) => this.handleInput(event));
    form.addEventListener('change', (event) => this.handleInput(event));
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Puts a state into the controls. */
  abstract write(state: State): void;

  /** The state the controls show. */
  abstract read(): State;

  /** Every edit reports the state; subclasses first note what a control means beyond its value. */
  protected handleInput(_event: Event): void {
    this.emit();
  }

  protected emit(): void {
    this.onChange(this.read());
  }

  protected byId<T extends HTMLElement = HTMLInputElement>(id: string): T {
    const element = this.form.querySelector<T>(`#${id}`);
    if (!element) throw new Error(`The options form has no #${id}`);
    return element;
  }

  protected radioValue(name: string): string | null {
    return this.form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null;
  }

  protected setRadio(name: string, value: string): void {
    for (const radio of this.form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
      radio.checked = radio.value === value;
    }
  }

  /** Fills #`container` with checkboxes labelled with the names the code uses (events, controls). */
  protected codeCheckboxes(container: string, prefix: string, names: readonly string[]): void {
    const rows = names.map((name) => {
      const row = document.createElement('div');
      row.className = 'choice';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `${prefix}-${name}`;
      box.value = name;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      const code = document.createElement('code');
      code.textContent = name;
      label.append(code);
      row.append(box, label);
      return row;
    });
    this.byId<HTMLDivElement>(container).replaceChildren(...rows);
  }

  /** The values of the checked boxes under `selector`, in document order. */
  protected checked(selector: string): string[] {
    return [
      ...this.form.querySelectorAll<HTMLInputElement>(`${selector} input[type="checkbox"]:checked`),
    ].map((box) => box.value);
  }

  /** The element needs one of these: the last checked box cannot be unchecked. */
  protected keepOneChecked(boxes: readonly HTMLInputElement[]): void {
    const checked = boxes.filter((box) => box.checked);
    for (const box of boxes) box.disabled = checked.length === 1 && box.checked;
  }
}
