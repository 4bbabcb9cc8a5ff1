/**
 * Turns a flat transformation chain into the structure the renderer walks: conditional blocks
 * (`if_…` … `if_else` … `if_end`) and layer blocks (`l_…` … `fl_layer_apply`).
 */
import type { Component, Transformation } from '@kumo/core';
import { invalid } from './render-error.js';

export type Step =
  | { readonly kind: 'component'; readonly component: Component }
  | {
      readonly kind: 'condition';
      readonly condition: string;
      readonly whenTrue: readonly Step[];
      readonly otherwise: readonly Step[];
    }
  | {
      readonly kind: 'layer';
      /** The `l_`/`u_` component; its other parameters are the layer's first transformation. */
      readonly opener: Component;
      /** The layer's own transformations (between the opener and `fl_layer_apply`). */
      readonly chain: readonly Step[];
      /** The `fl_layer_apply` component: placement (gravity, x, y), blend effect and flags. */
      readonly apply: Component;
    };

/** The component without the given fields; `undefined` when nothing is left. */
export function withoutFields(
  component: Component,
  fields: readonly (keyof Component)[],
): Component | undefined {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(component)) {
    if (!fields.includes(key as keyof Component) && value !== undefined) rest[key] = value;
  }
  return Object.keys(rest).length > 0 ? (rest as Component) : undefined;
}

interface Block {
  readonly opener: number;
  readonly standalone: boolean;
  otherwise?: number;
}

interface MatchedBlock {
  readonly end: number;
  readonly otherwise?: number;
}

/**
 * Pairs conditions with their `if_else`/`if_end`. A condition alone in its component always opens a
 * block; a condition that shares its component with other parameters guards only that component unless
 * an `if_end` is left over for it once every standalone condition has been paired.
 */
function matchConditions(components: Transformation): Map<number, MatchedBlock> {
  const matched = new Map<number, MatchedBlock>();
  const open: Block[] = [];
  components.forEach((component, index) => {
    const condition = component.if;
    if (condition === undefined) return;
    if (condition !== 'else' && condition !== 'end') {
      open.push({ opener: index, standalone: withoutFields(component, ['if']) === undefined });
      return;
    }
    let target = -1;
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.standalone) {
        target = i;
        break;
      }
    }
    if (target === -1) target = open.length - 1;
    if (target === -1) invalid(`if_${condition} without a matching if_ condition (component ${index + 1})`);
    // Conditions that share a component and sit above the block being closed guard only themselves.
    open.length = target + 1;
    const block = open[target]!;
    if (condition === 'else') {
      if (block.otherwise !== undefined) invalid(`Two if_else for one condition (component ${index + 1})`);
      block.otherwise = index;
    } else {
      matched.set(block.opener, { end: index, otherwise: block.otherwise });
      open.pop();
    }
  });
  for (const block of open) {
    if (block.standalone || block.otherwise !== undefined) {
      invalid(`if_${components[block.opener]!.if} has no matching if_end (component ${block.opener + 1})`);
    }
  }
  return matched;
}

function buildConditions(
  components: Transformation,
  matched: Map<number, MatchedBlock>,
  from: number,
  to: number,
): Step[] {
  const steps: Step[] = [];
  const pushRest = (list: Step[], component: Component) => {
    const rest = withoutFields(component, ['if']);
    if (rest) list.push({ kind: 'component', component: rest });
  };
  for (let index = from; index < to; index++) {
    const component = components[index]!;
    const condition = component.if;
    if (condition === undefined) {
      steps.push({ kind: 'component', component });
      continue;
    }
    if (condition === 'else' || condition === 'end') {
      invalid(`Misplaced if_${condition} (component ${index + 1})`);
    }
    const block = matched.get(index);
    const whenTrue: Step[] = [];
    pushRest(whenTrue, component);
    if (!block) {
      steps.push({ kind: 'condition', condition, whenTrue, otherwise: [] });
      continue;
    }
    const thenEnd = block.otherwise ?? block.end;
    whenTrue.push(...buildConditions(components, matched, index + 1, thenEnd));
    const otherwise: Step[] = [];
    if (block.otherwise !== undefined) {
      pushRest(otherwise, components[block.otherwise]!);
      otherwise.push(...buildConditions(components, matched, block.otherwise + 1, block.end));
    }
    steps.push({ kind: 'condition', condition, whenTrue, otherwise });
    pushRest(steps, components[block.end]!);
    index = block.end;
  }
  return steps;
}

const isLayerApply = (step: Step): boolean =>
  step.kind === 'component' && (step.component.flags?.includes('layer_apply') ?? false);
const isLayerOpener = (step: Step): boolean =>
  step.kind === 'component' &&
  (step.component.overlay !== undefined || step.component.underlay !== undefined) &&
  !isLayerApply(step);

/**
 * Groups `l_…` … `fl_layer_apply` runs into layer steps. Each `fl_layer_apply` closes the nearest open
 * layer; a layer component left unclosed is the legacy one-component form and stays as it is.
 */
function groupLayers(steps: readonly Step[]): Step[] {
  const closes = new Map<number, number>();
  const open: number[] = [];
  steps.forEach((step, index) => {
    if (isLayerApply(step)) {
      const opener = open.pop();
      if (opener === undefined) invalid('fl_layer_apply without a preceding overlay or underlay');
      closes.set(opener, index);
    } else if (isLayerOpener(step)) {
      open.push(index);
    }
  });
  const build = (from: number, to: number): Step[] => {
    const out: Step[] = [];
    for (let index = from; index < to; index++) {
      const step = steps[index]!;
      const close = closes.get(index);
      if (close !== undefined && step.kind === 'component') {
        const apply = steps[close]!;
        out.push({
          kind: 'layer',
          opener: step.component,
          chain: build(index + 1, close),
          apply: apply.kind === 'component' ? apply.component : {},
        });
        index = close;
      } else if (step.kind === 'condition') {
        out.push({ ...step, whenTrue: groupLayers(step.whenTrue), otherwise: groupLayers(step.otherwise) });
      } else {
        out.push(step);
      }
    }
    return out;
  };
  return build(0, steps.length);
}

/** The structure of a transformation chain: conditions first, then layer blocks inside each branch. */
export function structureChain(components: Transformation): Step[] {
  const matched = matchConditions(components);
  return groupLayers(buildConditions(components, matched, 0, components.length));
}
