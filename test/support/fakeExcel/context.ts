/**
 * The proxy/load/sync machinery of the fake (office-js-notes §3), modelled on the office.js runtime:
 * - every navigation (property object, getItem, getRange, *OrNullObject, add) returns a proxy at
 *   once and queues an "instantiate" command; lookups fail only when a sync runs that command;
 * - `load` queues a read; scalars and collection `items` throw PropertyNotLoaded until a sync
 *   delivered them; a null object's properties read undefined;
 * - `isNullObject` is known after the sync that instantiated the proxy, and throws before;
 * - property writes and void methods are queued and applied at sync, in order; the first failing
 *   command rejects the sync, earlier ones stay applied, later ones are dropped;
 * - methods and navigation properties newer than the fake's ExcelApi throw ApiNotFound at once
 *   (the runtime checks them client-side); setting or loading such a property fails the sync;
 * - a null object's children are null objects ('propagate') or fail the sync ('throw'), see NullObjectMode;
 * - each sync's request and response are measured (JSON of commands, arguments and delivered values,
 *   plus a per-command overhead like the runtime's action and object-path records) and fail past the
 *   limit with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (docs:
 *   resource-limits-and-performance-optimization: 5 MB on Excel on the web).
 */
import { officeError } from './errors';
import type { FakeExcel } from './index';
import { TYPES, type TypeSpec } from './types';

export const NULL = Symbol('null object');
export type Target = unknown;

interface Command {
  label: string;
  /** Estimated bytes of this command in the request. */
  bytes: number;
  run(): void;
}

/** Bytes of a value as JSON (UTF-8), as it travels in a request or response. */
export function payloadBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/** The runtime's records around each command (action id, type, object path, parent): ~100 bytes of JSON. */
const COMMAND_OVERHEAD_BYTES = 100;

function argumentBytes(args: unknown[]): number {
  return payloadBytes(args.map((a) => (implOf(a) ? { objectPath: 0 } : a)));
}

const IMPL = Symbol('fake impl');
const QUIET = new Set<string | symbol>([
  'then',
  'toJSON',
  'constructor',
  '$$typeof',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  'inspect',
]);

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class ClientObjectImpl {
  resolved = false;
  target: Target | typeof NULL = undefined;
  /** undefined until a sync instantiated this proxy. */
  isNull: boolean | undefined;
  readonly loaded = new Map<string, unknown>();
  items: ClientObjectImpl[] | undefined;
  private readonly children = new Map<string, ClientObjectImpl>();
  private proxy?: object;

  constructor(
    readonly context: FakeContext,
    readonly type: string,
    readonly parent: ClientObjectImpl | null,
    readonly label: string,
    private readonly resolver: (parentTarget: Target) => Target | typeof NULL,
    /** A lookup that cannot yield a null object fails when its parent is one (#3566, inferred for getItem). */
    private readonly failOnNullParent = false,
  ) {}

  get spec(): TypeSpec {
    return TYPES[this.type];
  }

  static preResolved(
    context: FakeContext,
    type: string,
    parent: ClientObjectImpl,
    label: string,
    target: Target,
  ): ClientObjectImpl {
    const impl = new ClientObjectImpl(context, type, parent, label, () => target);
    impl.target = target;
    impl.resolved = true;
    impl.isNull = false;
    return impl;
  }

  resolve(): Target | typeof NULL {
    if (this.resolved) return this.target;
    const parentTarget = this.parent ? this.parent.resolve() : this.context.host.workbook;
    let target: Target | typeof NULL;
    if (parentTarget === NULL) {
      if (this.failOnNullParent || this.context.host.nullObjects === 'throw')
        throw officeError('ItemNotFound', `${this.label} was called on a null object.`, this.label);
      target = NULL;
    } else {
      target = this.resolver(parentTarget);
    }
    this.target = target;
    this.resolved = true;
    this.isNull = target === NULL;
    return target;
  }

  /** The live target for an action; a null object cannot be acted on (inferred). */
  actionTarget(label: string): Target {
    const t = this.resolve();
    if (t === NULL) throw officeError('ItemNotFound', `${label}: the object is a null object.`, label);
    return t;
  }

  child(name: string, make: () => ClientObjectImpl): ClientObjectImpl {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c;
  }

  /** A child created while a sync delivers results (collection items, nested loads): no command. */
  deliveredChild(name: string, type: string, target: Target | typeof NULL): ClientObjectImpl {
    const c = this.child(
      name,
      () => new ClientObjectImpl(this.context, type, this, `${this.label}.${name}`, () => target),
    );
    c.target = target;
    c.resolved = true;
    c.isNull = target === NULL;
    return c;
  }

  asProxy(): object {
    this.proxy ??= makeProxy(this);
    return this.proxy;
  }
}

export function implOf(value: unknown): ClientObjectImpl | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [IMPL]?: ClientObjectImpl })[IMPL];
}

function notLoaded(impl: ClientObjectImpl, prop: string): never {
  throw officeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${impl.type}.${prop}`,
  );
}

function apiNotFound(where: string, version: string): never {
  throw officeError('ApiNotFound', `${where} needs ExcelApi ${version}.`, where);
}

function makeProxy(impl: ClientObjectImpl): object {
  const ctx = impl.context;
  const host = ctx.host;
  const spec = impl.spec;
  const base = Object.create(null) as object;
  return new Proxy(base, {
    get(_t, prop) {
      if (prop === IMPL) return impl;
      if (typeof prop === 'symbol' || QUIET.has(prop)) {
        if (prop === 'toJSON') return () => Object.fromEntries(impl.loaded);
        return undefined;
      }
      if (prop === 'context') return ctx.facade;
      if (prop === 'isNullObject') {
        if (impl.isNull === undefined) notLoaded(impl, 'isNullObject');
        return impl.isNull;
      }
      if (prop === 'load') {
        return (arg?: unknown) => {
          ctx.queueLoad(impl, parseLoadArg(arg));
          return impl.asProxy();
        };
      }
      if (prop === 'track' || prop === 'untrack') return () => impl.asProxy();
      if (prop === 'items' && spec.collection) {
        if (impl.items === undefined) {
          if (impl.isNull === true) return undefined;
          notLoaded(impl, 'items');
        }
        return impl.items.map((i) => i.asProxy());
      }
      const scalar = spec.scalars?.[prop];
      if (scalar) {
        if (impl.loaded.has(prop)) {
          if (!host.supports(scalar.get)) apiNotFound(`${impl.type}.${prop}`, scalar.get);
          return impl.loaded.get(prop);
        }
        if (impl.isNull === true) return undefined;
        return notLoaded(impl, prop);
      }
      const nav = spec.navs?.[prop];
      if (nav) {
        if (!host.supports(nav.api)) apiNotFound(`${impl.type}.${prop}`, nav.api);
        ctx.assertOpen();
        return impl
          .child(prop, () => {
            const c = new ClientObjectImpl(ctx, nav.type, impl, `${impl.label}.${prop}`, (pt) => nav.resolve(pt, host));
            ctx.queueInstantiate(c, 0);
            return c;
          })
          .asProxy();
      }
      const method = spec.methods?.[prop];
      if (method) {
        if (!host.supports(method.api)) apiNotFound(`${impl.type}.${prop}`, method.api);
        return (...args: unknown[]) => {
          ctx.assertOpen();
          for (const a of args) {
            const ai = implOf(a);
            if (ai && ai.context !== ctx)
              throw officeError(
                'InvalidRequestContext',
                'Cannot use the object across different request contexts.',
                `${impl.type}.${prop}`,
              );
          }
          const label = `${impl.label}.${prop}(${args.map(describeArg).join(', ')})`;
          if (method.returns) {
            const c = new ClientObjectImpl(
              ctx,
              method.returns,
              impl,
              label,
              (pt) => method.invoke(pt, args, host, label),
              method.failOnNullParent ?? false,
            );
            ctx.queueInstantiate(c, argumentBytes(args));
            return c.asProxy();
          }
          ctx.queue({
            label,
            bytes: COMMAND_OVERHEAD_BYTES + argumentBytes(args),
            run: () => method.invoke(impl.actionTarget(label), args, host, label),
          });
          return undefined;
        };
      }
      throw new Error(`FakeExcel: ${impl.type}.${prop} is not implemented`);
    },
    set(_t, prop, value) {
      if (typeof prop === 'symbol') return false;
      const scalar = spec.scalars?.[prop];
      if (!scalar || !scalar.set || !scalar.write) {
        throw new TypeError(
          `Cannot set ${impl.type}.${String(prop)}: ${scalar ? 'read-only' : 'not implemented by FakeExcel'}`,
        );
      }
      ctx.assertOpen();
      const label = `${impl.label}.${prop} = ${describeArg(value)}`;
      const write = scalar.write;
      const version = scalar.set;
      // The runtime keeps the written value in the proxy; the fake forgets it so code must reload to read.
      impl.loaded.delete(prop);
      ctx.queue({
        label,
        bytes: COMMAND_OVERHEAD_BYTES + payloadBytes(value),
        run: () => {
          if (!host.supports(version)) apiNotFound(`${impl.type}.${prop}`, version);
          write(impl.actionTarget(label), value, host, label);
        },
      });
      return true;
    },
    has(_t, prop) {
      return prop === IMPL;
    },
  });
}

function describeArg(a: unknown): string {
  const impl = implOf(a);
  if (impl) return impl.label;
  const text = JSON.stringify(a);
  return text === undefined ? String(a) : text.length > 40 ? text.slice(0, 40) + '…' : text;
}

/** `load("a,b")`, `load(["a"])`, `load({ select })`, `load()` → property paths (empty = all scalars). */
function parseLoadArg(arg: unknown): string[][] {
  let list: string[] = [];
  if (arg === undefined || arg === null) list = [];
  else if (typeof arg === 'string') list = arg.split(',');
  else if (Array.isArray(arg)) list = arg.map(String);
  else if (typeof arg === 'object' && typeof (arg as { select?: unknown }).select === 'string')
    list = (arg as { select: string }).select.split(',');
  else if (typeof arg === 'object' && Array.isArray((arg as { select?: unknown }).select))
    list = (arg as { select: string[] }).select;
  else throw new Error('FakeExcel: unsupported load() argument');
  return list
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split('/').map((s) => s.trim()));
}

/** A value the response carries: its bytes (name and separators included) count toward the limit. */
function received<T>(host: FakeExcel, value: T): T {
  host.recordResponse(payloadBytes(value) + 16);
  return value;
}

/** Delivers loaded properties into impl (and nested objects) from its target. */
function deliver(impl: ClientObjectImpl, target: Target | typeof NULL, paths: string[][], host: FakeExcel): void {
  if (target === NULL) return;
  const spec = impl.spec;
  if (paths.length === 0) {
    for (const [name, scalar] of Object.entries(spec.scalars ?? {})) {
      if (host.supports(scalar.get))
        impl.loaded.set(name, received(host, scalar.read(target, host, `${impl.type}.${name}`)));
    }
    if (spec.collection) deliver(impl, target, [['items']], host);
    return;
  }
  const groups = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    const list = groups.get(head) ?? [];
    if (rest.length > 0) list.push(rest);
    groups.set(head, list);
  }
  for (const [head, rest] of groups) {
    const where = `${impl.type}.${head}`;
    if (head === 'items' && spec.collection) {
      const collection = spec.collection;
      impl.items = collection.enumerate(target, host).map((t, i) => {
        const item = ClientObjectImpl.preResolved(
          impl.context,
          collection.itemType,
          impl,
          `${impl.label}.items[${i}]`,
          t,
        );
        deliver(item, t, rest, host);
        return item;
      });
      continue;
    }
    const scalar = spec.scalars?.[head];
    if (scalar) {
      if (!host.supports(scalar.get)) apiNotFound(where, scalar.get);
      impl.loaded.set(head, received(host, scalar.read(target, host, where)));
      continue;
    }
    const nav = spec.navs?.[head];
    if (nav) {
      if (!host.supports(nav.api)) apiNotFound(where, nav.api);
      const childTarget = nav.resolve(target, host);
      const child = impl.deliveredChild(head, nav.type, childTarget);
      deliver(child, childTarget, rest, host);
      continue;
    }
    throw officeError('InvalidArgument', `Cannot load '${head}': ${impl.type} has no such property.`, where);
  }
}

export class FakeContext {
  private commands: Command[] = [];
  private ended = false;
  readonly facade: object;
  readonly root: ClientObjectImpl;

  constructor(
    readonly host: FakeExcel,
    readonly delayForCellEdit: boolean,
  ) {
    this.root = new ClientObjectImpl(this, 'Workbook', null, 'workbook', (t) => t);
    this.root.target = host.workbook;
    this.root.resolved = true;
    this.root.isNull = false;
    const facade = {
      workbook: this.root.asProxy(),
      sync: () => this.sync(),
    };
    this.facade = new Proxy(facade, {
      get(t, prop) {
        if (typeof prop === 'symbol' || QUIET.has(prop)) return undefined;
        if (prop in t) return (t as Record<string, unknown>)[prop];
        throw new Error(`FakeExcel: RequestContext.${prop} is not implemented`);
      },
    });
  }

  assertOpen(): void {
    if (this.ended)
      throw officeError(
        'InvalidObjectPath',
        'The object path is not valid: its Excel.run has ended.',
        'RequestContext',
      );
  }

  end(): void {
    this.ended = true;
  }

  queue(command: Command): void {
    this.assertOpen();
    this.commands.push(command);
  }

  queueInstantiate(impl: ClientObjectImpl, argBytes: number): void {
    this.queue({ label: impl.label, bytes: COMMAND_OVERHEAD_BYTES + argBytes, run: () => void impl.resolve() });
  }

  queueLoad(impl: ClientObjectImpl, paths: string[][]): void {
    const label = `${impl.label}.load(${paths.map((p) => p.join('/')).join(',')})`;
    this.queue({
      label,
      bytes: COMMAND_OVERHEAD_BYTES + label.length,
      run: () => deliver(impl, impl.resolve(), paths, this.host),
    });
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const commands = this.commands;
    this.commands = [];
    if (commands.length === 0) return; // nothing to send: no round trip (runtime source)
    await Promise.resolve();
    const requestBytes = commands.reduce((sum, c) => sum + c.bytes, 0);
    this.host.recordSync(commands.length, requestBytes);
    if (requestBytes > this.host.payloadLimit) {
      throw officeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
        'RequestContext.sync',
      );
    }
    if (this.host.cellEditMode && !this.delayForCellEdit) {
      throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'RequestContext.sync');
    }
    this.host.current = { context: this, sync: this.host.syncCount };
    try {
      for (const command of commands) {
        this.host.beforeCommand(command.label);
        command.run();
      }
    } finally {
      this.host.current = undefined;
    }
    const responseBytes = this.host.responseBytes[this.host.responseBytes.length - 1];
    if (responseBytes > this.host.payloadLimit) {
      throw officeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
        'RequestContext.sync',
      );
    }
  }
}
