// Served to the browser in place of `node:test`, so one test file runs in Node and in Chromium.
// It maps node:test's describe/it/hooks onto the mocha globals that @web/test-runner installs.

const UNSUPPORTED =
  'is not available in the browser; name the test file *.node.test.ts to run it in Node only';

function contextFor(mochaContext, name) {
  return {
    name,
    signal: new AbortController().signal,
    diagnostic: (message) => console.log(message),
    skip: () => mochaContext.skip(),
    todo: () => {},
    plan: () => {},
    get mock() {
      throw new Error(`t.mock ${UNSUPPORTED}`);
    },
    test: () => {
      throw new Error(`t.test (subtests) ${UNSUPPORTED}`);
    },
  };
}

// node:test accepts (name?, options?, fn?) in any of those shapes.
function normalize(args) {
  let [name, options, fn] = args;
  if (typeof name === 'function') [name, options, fn] = [name.name || '<anonymous>', {}, name];
  else if (typeof name === 'object' && name !== null) [name, options, fn] = ['<anonymous>', name, options];
  if (typeof options === 'function') [options, fn] = [{}, options];
  return { name: String(name ?? '<anonymous>'), options: options ?? {}, fn };
}

// Mocha treats a function with a parameter as callback-style, but node:test passes a context
// first; wrap so that `async (t) => …` is awaited and `(t, done) => …` gets mocha's done.
function wrap(fn, name) {
  if (fn.length >= 2) {
    return function (done) {
      fn.call(this, contextFor(this, name), (error) => done(error));
    };
  }
  return function () {
    return fn.call(this, contextFor(this, name));
  };
}

function register(kind, args, modifier) {
  const { name, options, fn } = normalize(args);
  const mocha = globalThis[kind];
  // Mocha reports a test without a body as pending; a suite needs a body, so a todo suite is skipped.
  if (options.todo || modifier === 'todo' || !fn) {
    return kind === 'describe' ? mocha.skip(name, () => {}) : mocha(name);
  }
  const skip = options.skip || modifier === 'skip';
  const add = skip ? mocha.skip : options.only || modifier === 'only' ? mocha.only : mocha;
  const body =
    kind === 'describe'
      ? function () {
          fn.call(this, { name, signal: new AbortController().signal });
        }
      : wrap(fn, name);
  const runnable = add(name, body);
  if (typeof options.timeout === 'number' && Number.isFinite(options.timeout))
    runnable?.timeout(options.timeout);
  return runnable;
}

function define(kind) {
  const runner = (...args) => register(kind, args);
  runner.skip = (...args) => register(kind, args, 'skip');
  runner.todo = (...args) => register(kind, args, 'todo');
  runner.only = (...args) => register(kind, args, 'only');
  return runner;
}

function hook(kind) {
  return (fn) => globalThis[kind](wrap(fn, kind));
}

export const describe = define('describe');
export const suite = describe;
export const it = define('it');
export const test = it;
export const before = hook('before');
export const after = hook('after');
export const beforeEach = hook('beforeEach');
export const afterEach = hook('afterEach');
export default test;
