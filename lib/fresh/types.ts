// Public types, named as in Fresh 2.
import type { ComponentChildren, ComponentType, VNode } from "preact";
import type { Context, PageResponse } from "./context.ts";

/** A middleware calls `ctx.next()` to continue, or returns its own Response. */
export type Middleware<State> = (
  ctx: Context<State>,
) => Response | Promise<Response>;

export type HandlerResult<Data> = Response | PageResponse<Data>;

export type HandlerFn<Data, State> = (
  ctx: Context<State>,
) => HandlerResult<Data> | Promise<HandlerResult<Data>>;

export type HandlerByMethod<Data, State> = {
  [M in "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS"]?:
    HandlerFn<
      Data,
      State
    >;
};

/** `export const handler = ...`: one function for all methods, or one per method. */
export type RouteHandler<Data, State> =
  | HandlerFn<Data, State>
  | HandlerByMethod<Data, State>;

/** Fresh 1's name for a per-method handler object. */
export type Handlers<Data = unknown, State = Record<string, unknown>> =
  HandlerByMethod<
    Data,
    State
  >;

export interface RouteConfig {
  /** Don't wrap in `_layout`s of parent folders (on a layout: of folders above it). */
  skipInheritedLayouts?: boolean;
  /** Don't wrap in `_app`. */
  skipAppWrapper?: boolean;
}

/** Props of pages, layouts, `_app` and `_error` pages. */
export interface PageProps<Data = unknown, State = Record<string, unknown>> {
  data: Data;
  state: State;
  url: URL;
  params: Record<string, string>;
  /** The matched route pattern, e.g. `/@:username` (null for unmatched URLs). */
  route: string | null;
  req: Request;
  info: Deno.ServeHandlerInfo;
  /** For layouts and `_app`: what they wrap. */
  Component: ComponentType;
  /** For `_error` pages: what was thrown, and the response status. */
  error?: unknown;
  status?: number;
}

/** A page, layout or `_app` component; may be async. */
export type PageComponent<Data = unknown, State = Record<string, unknown>> = (
  props: PageProps<Data, State>,
) => ComponentChildren | VNode | Promise<ComponentChildren | VNode>;

// deno-lint-ignore no-explicit-any
export type AnyComponent = PageComponent<any, any>;

export interface RouteModule<State> {
  handler?: RouteHandler<unknown, State>;
  /** Fresh 1 spelling, accepted too. */
  handlers?: RouteHandler<unknown, State>;
  default?: AnyComponent;
  config?: RouteConfig;
}

/** A route file: its module, or (a page in a generated manifest) what loads it on first use. */
export type RouteEntry =
  | Record<string, unknown>
  | (() => Promise<Record<string, unknown>>);

/** The object exported by a generated `fresh.gen.ts`. */
export interface Manifest {
  routes: Record<string, RouteEntry>;
  islands: Record<string, Record<string, unknown>>;
}
