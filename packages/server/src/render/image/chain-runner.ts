/**
 * Walks a structured transformation chain over a canvas: conditions, variables, named transformations,
 * layers, and within each component the fixed order of operations documented in README.md.
 */
import type { Component, CropMode, Layer, Scalar } from '@kumo/core';
import { Canvas } from './canvas.js';
import { type Step, structureChain, withoutFields } from './chain-structure.js';
import { parseColor, type Rgba } from './colors.js';
import { readAutoWidth, readDpr, readLength, readSize } from './component-values.js';
import { compassFactors, placementFor, placeRegion, planGeometry } from './crop-geometry.js';
import { applyEffect, BLEND_EFFECTS } from './effects.js';
import { type ExpressionValue, evaluateExpression, evaluateNumber, isTruthy } from './expression-eval.js';
import { edgeColor, focalPoint } from './image-analysis.js';
import { openImage } from './image-source.js';
import { combine, drawTextLayer, optionalColor, placeLayer, textSettings } from './layers.js';
import { cropInPipeline } from './pipeline-crop.js';
import { invalid, RenderError } from './render-error.js';
import type { RenderContext } from './render-types.js';
import { autoRotate, rotate } from './rotation.js';
import { type CornerRadii, cornerRadii, drawBorder, parseBorder, roundCorners } from './shapes.js';

export interface ResolvedLimits {
  readonly maxInputPixels: number;
  readonly maxOutputPixels: number;
  readonly maxTextLength: number;
  readonly maxFrames: number;
}

/** Where a chain runs: the base image, or a layer (whose relative sizes may refer to the base). */
export interface Frame {
  readonly depth: number;
  /** Output settings (`f_`, `q_`, output flags) are read only from the base chain. */
  readonly base: boolean;
  readonly relativeTo?: { readonly width: number; readonly height: number };
  /** `fl_relative` on the layer's apply component: every size in the layer chain is relative to the base. */
  readonly relativeAll: boolean;
}

export interface OutputSettings {
  format?: string;
  quality?: Scalar;
  readonly flags: Set<string>;
  background?: Rgba;
  /** `dl_`: frame delay in ms for animated output. */
  delay?: number;
}

export const MAX_NAMED_DEPTH = 8;

/** Flags that concern the encoded output rather than one component. */
const OUTPUT_FLAGS =
  /^(progressive|lossy|png8|png24|png32|keep_iptc|keep_attribution|strip_profile|force_strip|attachment|getinfo|animated|awebp|apng|any_format|preserve_transparency)(:|$)/;

const PLACEMENT_FIELDS: readonly (keyof Component)[] = ['gravity', 'x', 'y', 'flags'];

function readAspectRatio(value: Scalar, scope: ReadonlyMap<string, ExpressionValue>): number {
  const text = String(value);
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text);
  const result = ratio ? Number(ratio[1]) / Number(ratio[2]) : evaluateNumber(value, scope, 'aspect ratio');
  if (!(result > 0) || !Number.isFinite(result))
    return invalid(`Invalid aspect ratio in transformation: ${text}`);
  return result;
}

const angleList = (angle: Scalar | readonly Scalar[]): readonly Scalar[] =>
  Array.isArray(angle) ? angle : [angle as Scalar];

const layerName = (layer: Layer): string =>
  layer.kind === 'asset' || layer.kind === 'subtitles'
    ? layer.publicId
    : layer.kind === 'fetch'
      ? layer.url
      : layer.text;

export class ChainRunner {
  readonly output: OutputSettings = { flags: new Set() };
  readonly vary = new Set<string>();
  readonly #variables = new Map<string, ExpressionValue>();
  readonly #context: RenderContext;
  readonly #limits: ResolvedLimits;
  readonly #initial: {
    readonly width: number;
    readonly height: number;
    readonly pages: number;
    readonly page: number;
  };

  constructor(
    context: RenderContext,
    limits: ResolvedLimits,
    initial: { width: number; height: number; pages: number; page: number },
  ) {
    this.#context = context;
    this.#limits = limits;
    this.#initial = initial;
    for (const [name, value] of Object.entries(context.variables ?? {})) {
      this.#variables.set(name.startsWith('$') ? name : `$${name}`, value);
    }
  }

  /** Predefined variables for the current image, plus the user variables defined so far. */
  scope(canvas: Canvas): Map<string, ExpressionValue> {
    const { width, height, pages, page } = this.#initial;
    const scope = new Map<string, ExpressionValue>([
      ['w', canvas.width],
      ['h', canvas.height],
      ['ar', canvas.width / canvas.height],
      ['iw', width],
      ['ih', height],
      ['iar', width / height],
      ['pc', pages],
      ['cp', page],
      ['fc', 0],
      ['px', 0],
      ['py', 0],
      ['du', 0],
      ['idu', 0],
      ['tags', this.#context.tags ?? []],
    ]);
    for (const [name, value] of this.#variables) scope.set(name, value);
    return scope;
  }

  checkPixels(width: number, height: number): void {
    if (width * height > this.#limits.maxOutputPixels) {
      invalid(
        `Output would be ${width}x${height} pixels, over the limit of ${this.#limits.maxOutputPixels} pixels`,
      );
    }
  }

  async run(steps: readonly Step[], canvas: Canvas, frame: Frame): Promise<void> {
    for (const step of steps) {
      if (step.kind === 'component') {
        await this.#component(step.component, canvas, frame);
      } else if (step.kind === 'condition') {
        const truth = isTruthy(evaluateExpression(step.condition, this.scope(canvas)));
        await this.run(truth ? step.whenTrue : step.otherwise, canvas, frame);
      } else {
        const layer = step.opener.overlay ?? step.opener.underlay!;
        const rest = withoutFields(step.opener, ['overlay', 'underlay']);
        const chain: Step[] = rest
          ? [{ kind: 'component', component: rest }, ...step.chain]
          : [...step.chain];
        await this.#layer(layer, step.opener.overlay === undefined, chain, step.apply, canvas, frame);
      }
    }
  }

  async #component(component: Component, canvas: Canvas, frame: Frame): Promise<void> {
    for (const [name, value] of component.variables ?? []) {
      this.#variables.set(name, evaluateExpression(value, this.scope(canvas)));
    }
    if (component.namedTransformation !== undefined) {
      const names = Array.isArray(component.namedTransformation)
        ? component.namedTransformation
        : [component.namedTransformation as string];
      for (const name of names) await this.#named(name, canvas, frame);
    }
    const layer = component.overlay ?? component.underlay;
    if (layer) {
      // Legacy form: the layer, its own parameters and its placement in one component.
      const blend = component.effect && BLEND_EFFECTS[component.effect.name] ? ['effect' as const] : [];
      const own = withoutFields(component, [
        'overlay',
        'underlay',
        'variables',
        'namedTransformation',
        'if',
        ...PLACEMENT_FIELDS,
        ...blend,
      ]);
      const layerFlags = (component.flags ?? []).filter((flag) => !OUTPUT_FLAGS.test(flag));
      const apply: Component = {
        ...(component.gravity !== undefined ? { gravity: component.gravity } : {}),
        ...(component.x !== undefined ? { x: component.x } : {}),
        ...(component.y !== undefined ? { y: component.y } : {}),
        ...(blend.length > 0 ? { effect: component.effect } : {}),
        flags: layerFlags,
      };
      if (frame.base)
        this.#collectOutput({ flags: component.flags?.filter((flag) => OUTPUT_FLAGS.test(flag)) });
      const chain: Step[] = own ? [{ kind: 'component', component: own }] : [];
      await this.#layer(layer, component.overlay === undefined, chain, apply, canvas, frame);
      return;
    }
    if (component.customFunction !== undefined) {
      invalid(`Unsupported parameter fn_${component.customFunction}: custom functions are not available`);
    }
    if (frame.base) this.#collectOutput(component);
    await this.#operations(component, canvas, frame);
  }

  #collectOutput(component: Pick<Component, 'format' | 'quality' | 'flags' | 'background' | 'delay'>): void {
    if (component.format !== undefined) this.output.format = component.format;
    if (component.delay !== undefined) {
      const delay = Number(component.delay);
      if (!Number.isInteger(delay) || delay < 0 || delay > 65535)
        invalid(`Invalid delay in transformation: ${component.delay}`);
      this.output.delay = delay;
    }
    if (component.quality !== undefined) this.output.quality = component.quality;
    for (const flag of component.flags ?? []) if (OUTPUT_FLAGS.test(flag)) this.output.flags.add(flag);
    if (component.background !== undefined && !component.background.startsWith('auto')) {
      const color = parseColor(component.background, 'background colour');
      if (color.alpha === 1) this.output.background = color;
    }
  }

  async #named(name: string, canvas: Canvas, frame: Frame): Promise<void> {
    if (frame.depth >= MAX_NAMED_DEPTH) {
      invalid(`Named transformations nested more than ${MAX_NAMED_DEPTH} deep (at t_${name})`);
    }
    const named = this.#context.resolveNamed?.(name);
    if (!named) invalid(`Unknown named transformation: ${name}`);
    await this.run(structureChain(named!), canvas, { ...frame, depth: frame.depth + 1 });
  }

  /** The operations of one component, in a fixed order. */
  async #operations(component: Component, canvas: Canvas, frame: Frame): Promise<void> {
    const scope = this.scope(canvas);
    const dpr = readDpr(component.dpr, this.#context.clientHints, scope, this.vary);
    const relative =
      (frame.relativeAll || (component.flags?.includes('relative') ?? false)) && frame.relativeTo;
    const reference = relative || { width: canvas.width, height: canvas.height };
    const background =
      component.background === undefined
        ? undefined
        : component.background.startsWith('auto')
          ? await edgeColor(canvas)
          : parseColor(component.background, 'background colour');
    const effect = component.effect;
    const regional = effect?.name.endsWith('_region') ?? false;
    const offsetsForEffect = regional || effect?.name === 'shadow';
    const x = component.x === undefined ? undefined : readLength(component.x, canvas.width, scope, 'x') * dpr;
    const y =
      component.y === undefined ? undefined : readLength(component.y, canvas.height, scope, 'y') * dpr;
    let region: { left: number; top: number; width: number; height: number } | undefined;
    if (regional) {
      const width =
        component.width === undefined
          ? canvas.width
          : readSize(component.width, canvas.width, scope, 'width', dpr);
      const height =
        component.height === undefined
          ? canvas.height
          : readSize(component.height, canvas.height, scope, 'height', dpr);
      region = { left: x ?? 0, top: y ?? 0, width, height };
    } else {
      await this.#resize(component, canvas, {
        dpr,
        reference,
        background,
        x: offsetsForEffect ? undefined : x,
        y: offsetsForEffect ? undefined : y,
        base: frame.base,
      });
    }
    if (effect) {
      await applyEffect(canvas, effect, {
        color: optionalColor(component.color, 'colour (co_)'),
        region,
        x,
        y,
        scope: this.scope(canvas),
        maxPixels: this.#limits.maxOutputPixels,
      });
    }
    let radii: CornerRadii | undefined;
    if (component.radius !== undefined) {
      const values = Array.isArray(component.radius) ? component.radius : [component.radius as Scalar];
      radii =
        values.length === 1 && values[0] === 'max'
          ? 'max'
          : cornerRadii(values.map((v) => evaluateNumber(v, this.scope(canvas), 'radius') * dpr));
      await roundCorners(canvas, radii);
    }
    if (component.border !== undefined) {
      const border = parseBorder(component.border);
      this.checkPixels(canvas.width + 2 * border.width * dpr, canvas.height + 2 * border.width * dpr);
      await drawBorder(canvas, border, radii, dpr);
    }
    if (component.angle !== undefined) {
      for (const angle of angleList(component.angle)) {
        await rotate(canvas, angle, background, this.scope(canvas), (w, h) => this.checkPixels(w, h));
      }
    }
    if (component.opacity !== undefined) {
      const opacity = evaluateNumber(component.opacity, this.scope(canvas), 'opacity');
      if (opacity < 0 || opacity > 100) invalid(`Invalid opacity in transformation: ${component.opacity}`);
      if (opacity < 100) {
        await canvas.pixels(true);
        await canvas.apply((image) => image.linear([1, 1, 1, opacity / 100], [0, 0, 0, 0]));
      }
    }
    if (background && background.alpha === 1 && canvas.hasAlpha) await canvas.flatten(background);
  }

  async #resize(
    component: Component,
    canvas: Canvas,
    options: {
      dpr: number;
      reference: { width: number; height: number };
      background: Rgba | undefined;
      x: number | undefined;
      y: number | undefined;
      base: boolean;
    },
  ): Promise<void> {
    const scope = this.scope(canvas);
    const { dpr, reference } = options;
    let width: number | undefined;
    if (typeof component.width === 'string' && component.width.startsWith('auto')) {
      width = readAutoWidth(component.width, this.#context.clientHints, dpr, this.vary);
    } else if (component.width !== undefined) {
      width = readSize(component.width, reference.width, scope, 'width', dpr);
    }
    const height =
      component.height === undefined
        ? undefined
        : readSize(component.height, reference.height, scope, 'height', dpr);
    const aspectRatio =
      component.aspectRatio === undefined ? undefined : readAspectRatio(component.aspectRatio, scope);
    if (component.angle !== undefined) await autoRotate(canvas, angleList(component.angle), width, height);
    const mode: CropMode | undefined =
      component.crop ??
      (width !== undefined || height !== undefined || aspectRatio !== undefined ? 'scale' : undefined);
    if (mode === undefined) return;
    if (mode === 'imagga_crop' || mode === 'imagga_scale') {
      invalid(`Unsupported crop mode for this input: ${mode} (the Imagga add-on is not available)`);
    }
    const custom = options.base ? this.#customRegion(component.gravity, canvas) : undefined;
    if (
      custom &&
      mode === 'crop' &&
      width === undefined &&
      height === undefined &&
      aspectRatio === undefined
    ) {
      // `c_crop,g_custom` without a size cuts out the region itself.
      await canvas.extract(custom);
      return;
    }
    const zoom = component.zoom === undefined ? undefined : evaluateNumber(component.zoom, scope, 'zoom');
    const plan = planGeometry(canvas.width, canvas.height, { mode, width, height, aspectRatio, zoom });
    if (plan.kind === 'none') return;
    this.checkPixels(plan.width, plan.height);
    let placement = placementFor(component.gravity, mode, options.x !== undefined || options.y !== undefined);
    let { x, y } = options;
    if (custom) {
      // Cut around the region's centre (kept inside the image, as every placement is).
      placement = { kind: 'xy_center' };
      x = custom.left + custom.width / 2;
      y = custom.top + custom.height / 2;
    }
    if (plan.kind === 'resize') {
      await canvas.resize(plan.width, plan.height);
    } else if (plan.kind === 'crop') {
      if (await cropInPipeline(canvas, plan, placement, x, y)) return;
      const focal =
        placement.kind === 'smart'
          ? await focalPoint(canvas, plan.regionWidth, plan.regionHeight, placement.strategy)
          : undefined;
      const at = placeRegion(
        canvas.width,
        canvas.height,
        plan.regionWidth,
        plan.regionHeight,
        placement,
        x,
        y,
        focal,
      );
      await canvas.extract({ ...at, width: plan.regionWidth, height: plan.regionHeight });
      await canvas.resize(plan.width, plan.height);
    } else {
      await canvas.resize(plan.scaledWidth, plan.scaledHeight);
      const { fx, fy } =
        placement.kind === 'compass' ? compassFactors(placement.gravity) : { fx: 0.5, fy: 0.5 };
      const left = Math.round((plan.width - plan.scaledWidth) * fx);
      const top = Math.round((plan.height - plan.scaledHeight) * fy);
      const fill = options.background ?? { r: 255, g: 255, b: 255, alpha: 1 };
      await canvas.extend(
        {
          top,
          left,
          right: plan.width - plan.scaledWidth - left,
          bottom: plan.height - plan.scaledHeight - top,
        },
        fill,
      );
    }
  }

  /**
   * The asset's custom region on the current canvas, for a `custom` gravity (`g_custom`,
   * `g_custom:face`…) when the asset has one. The region is in the original's pixels; the canvas may
   * have been resized since, so it is scaled by the canvas's size relative to the original's.
   */
  #customRegion(
    gravity: string | undefined,
    canvas: Canvas,
  ): { left: number; top: number; width: number; height: number } | undefined {
    const region = this.#context.customRegion;
    if (!region || gravity === undefined || !/^custom(:|$)/.test(gravity)) return undefined;
    const scaleX = canvas.width / this.#initial.width;
    const scaleY = canvas.height / this.#initial.height;
    const left = Math.min(Math.round(region.x * scaleX), canvas.width - 1);
    const top = Math.min(Math.round(region.y * scaleY), canvas.height - 1);
    return {
      left,
      top,
      width: Math.max(1, Math.min(Math.round(region.width * scaleX), canvas.width - left)),
      height: Math.max(1, Math.min(Math.round(region.height * scaleY), canvas.height - top)),
    };
  }

  async #layer(
    layer: Layer,
    underlay: boolean,
    chain: readonly Step[],
    apply: Component,
    base: Canvas,
    frame: Frame,
  ): Promise<void> {
    const scope = this.scope(base);
    let steps = chain;
    let layerCanvas: Canvas;
    if (layer.kind === 'text') {
      const text = textSettings(steps, base.width, scope);
      steps = text.steps;
      const first = text.style;
      const border = first.border === undefined ? undefined : parseBorder(first.border);
      const raw = await drawTextLayer(
        layer,
        {
          color: optionalColor(first.color, 'text colour'),
          background: optionalColor(first.background, 'text background colour'),
          stroke: border ? { width: border.width, color: border.color } : undefined,
          wrapWidth: text.wrapWidth,
          maxPixels: this.#limits.maxOutputPixels,
          maxTextLength: this.#limits.maxTextLength,
        },
        scope,
      );
      layerCanvas = Canvas.fromRaw(raw);
    } else if (layer.kind === 'subtitles') {
      return invalid(`Unsupported layer for images: subtitles:${layer.publicId}`);
    } else {
      if (layer.resourceType !== undefined && layer.resourceType !== 'image') {
        invalid(`Unsupported layer for images: ${layer.resourceType} ${layerName(layer)}`);
      }
      const bytes = this.#context.loadLayer ? await this.#context.loadLayer(layer) : undefined;
      if (!bytes) throw new RenderError(`Layer not found: ${layerName(layer)}`, 404);
      const opened = await openImage(bytes, {
        autoOrient: true,
        maxInputPixels: this.#limits.maxInputPixels,
        label: `layer ${layerName(layer)}`,
        fuse: base.fuses,
      });
      layerCanvas = opened.canvas;
    }
    const flags = apply.flags ?? [];
    await this.run(steps, layerCanvas, {
      depth: frame.depth,
      base: false,
      relativeTo: { width: base.width, height: base.height },
      relativeAll: flags.includes('relative'),
    });
    const blend = apply.effect ? BLEND_EFFECTS[apply.effect.name] : undefined;
    const placement = placementFor(apply.gravity, undefined, false);
    const baseScope = this.scope(base);
    const x = apply.x === undefined ? 0 : readLength(apply.x, base.width, baseScope, 'x');
    const y = apply.y === undefined ? 0 : readLength(apply.y, base.height, baseScope, 'y');
    const raw = await layerCanvas.pixels(true);
    const at = placeLayer(base.width, base.height, raw.width, raw.height, placement, x, y);
    await combine(base, raw, at.left, at.top, {
      underlay,
      blend,
      overflow: !flags.includes('no_overflow'),
      tiled: flags.includes('tiled'),
      maxPixels: this.#limits.maxOutputPixels,
    });
    if (frame.base) this.#collectOutput({ flags: flags.filter((flag) => OUTPUT_FLAGS.test(flag)) });
    const rest = withoutFields(apply, [...PLACEMENT_FIELDS, ...(blend ? (['effect'] as const) : [])]);
    if (rest) await this.#component(rest, base, frame);
  }
}
