import { describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import { type Step, structureChain } from './chain-structure.js';
import { evaluateExpression } from './expression-eval.js';
import { RenderError } from './render-error.js';

/** A compact picture of the tree: components by their keys, blocks in brackets. */
function shape(steps: readonly Step[]): string {
  return steps
    .map((step) => {
      if (step.kind === 'component') return Object.keys(step.component).sort().join('+');
      if (step.kind === 'condition')
        return `if(${step.condition})[${shape(step.whenTrue)}|${shape(step.otherwise)}]`;
      return `layer[${Object.keys(step.opener).sort().join('+')}:${shape(step.chain)}:${Object.keys(step.apply).sort().join('+')}]`;
    })
    .join(' ');
}

const structure = (t: string) => shape(structureChain(parseTransformation(t)));

function refused(t: string, message: RegExp): void {
  try {
    structureChain(parseTransformation(t));
  } catch (error) {
    assert.instanceOf(error, RenderError);
    assert.match((error as Error).message, message);
    return;
  }
  assert.fail(`${t} should be refused`);
}

describe('structureChain', () => {
  it('builds if/else/end blocks', () => {
    assert.equal(
      structure('if_w_gt_1/c_fill,w_10/if_else/e_sepia/if_end/h_5'),
      'if(w_gt_1)[crop+width|effect] height',
    );
  });

  it('keeps a shared condition to its own component', () => {
    assert.equal(structure('if_w_lt_200,c_fill,w_80/e_sepia'), 'if(w_lt_200)[crop+width|] effect');
  });

  it('lets a shared condition open a block when an if_end is left for it', () => {
    assert.equal(structure('if_w_gt_300,c_scale,w_200/e_sepia/if_end'), 'if(w_gt_300)[crop+width effect|]');
  });

  it('pairs standalone blocks before shared conditions inside them', () => {
    assert.equal(
      structure('if_ar_gt_1/if_w_gt_5,c_scale,w_3/e_sepia/if_end'),
      'if(ar_gt_1)[if(w_gt_5)[crop+width|] effect|]',
    );
  });

  it('groups url-gen style layers and leaves legacy layers alone', () => {
    assert.equal(
      structure('l_logo/c_scale,w_10/fl_layer_apply,g_north/g_south,l_badge,w_5'),
      'layer[overlay:crop+width:flags+gravity] gravity+overlay+width',
    );
    assert.equal(
      structure('l_a/l_b/e_sepia/fl_layer_apply/fl_layer_apply'),
      'layer[overlay:layer[overlay:effect:flags]:flags]',
    );
  });

  it('refuses unbalanced blocks', () => {
    refused('if_w_gt_1/e_sepia', /no matching if_end/);
    refused('e_sepia/if_end', /without a matching if_/);
    refused('if_w_gt_1/if_else/if_else/if_end', /Two if_else/);
    refused('fl_layer_apply', /without a preceding overlay/);
  });
});

describe('evaluateExpression', () => {
  const scope = new Map<string, number | string | readonly string[]>([
    ['w', 300],
    ['h', 100],
    ['$size', 40],
    ['tags', ['sale', 'new']],
  ]);

  it('follows arithmetic precedence', () => {
    assert.equal(evaluateExpression('w_add_h_mul_2', scope), 500);
    assert.equal(evaluateExpression('$size_div_4_sub_1', scope), 9);
    assert.equal(evaluateExpression('2_pow_3_pow_2', scope), 512);
  });

  it('combines comparisons with and/or', () => {
    assert.equal(evaluateExpression('w_gt_200_and_h_lt_50', scope), 0);
    assert.equal(evaluateExpression('w_gt_200_or_h_lt_50', scope), 1);
  });

  it('tests tags with in and nin', () => {
    assert.equal(evaluateExpression('!sale!_in_tags', scope), 1);
    assert.equal(evaluateExpression('!sale:old!_in_tags', scope), 0);
    assert.equal(evaluateExpression('!old!_nin_tags', scope), 1);
  });

  it('refuses unknown variables and division by zero', () => {
    assert.throws(() => evaluateExpression('$nope_mul_2', scope), RenderError, /Undefined variable \$nope/);
    assert.throws(() => evaluateExpression('w_div_0', scope), RenderError, /Division by zero/);
  });
});
