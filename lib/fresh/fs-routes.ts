// Turns a manifest's `routes` into resolved routes: each page with its URL
// pattern, the layouts, middlewares and `_error` page of its folder chain.
import {
  comparePatterns,
  type CompiledPattern,
  compileSegments,
  routeFileToSegments,
} from "./router.ts";
import type {
  AnyComponent,
  Manifest,
  Middleware,
  RouteConfig,
  RouteEntry,
  RouteHandler,
  RouteModule,
} from "./types.ts";

export interface Wrapper {
  component: AnyComponent;
  config?: RouteConfig;
}

/** Everything needed to answer one route, resolved once at `fsRoutes` time. */
export interface Route<State> {
  compiled: CompiledPattern;
  handler?: RouteHandler<unknown, State>;
  page?: AnyComponent;
  /** Outer → inner. */
  layouts: Wrapper[];
  middlewares: Middleware<State>[];
  useApp: boolean;
  errorPage?: ErrorPage<State>;
  /**
   * A page not loaded yet: imports its module and fills `handler`, `page`, `layouts` and
   * `useApp` (its `config` decides the wrappers). Once, however many requests wait for it.
   */
  load?: () => Promise<void>;
}

/** A manifest's route entry as a module, importing it if it is a lazy page. */
export async function routeModule(
  entry: RouteEntry,
): Promise<Record<string, unknown>> {
  return typeof entry === "function" ? await entry() : entry;
}

export interface ErrorPage<State> {
  component: AnyComponent;
  layouts: Wrapper[];
  useApp: boolean;
}

type Folders<T> = Map<string, T>;

function folderChain(dir: string): string[] {
  const parts = dir === "" ? [] : dir.split("/");
  return ["", ...parts.map((_, i) => parts.slice(0, i + 1).join("/"))];
}

/** Applies `skipInheritedLayouts` / `skipAppWrapper` of the route and its layouts. */
function resolveWrappers(
  chain: string[],
  layouts: Folders<Wrapper>,
  ownConfig: RouteConfig | undefined,
): { layouts: Wrapper[]; useApp: boolean } {
  let result: Wrapper[] = [];
  for (const dir of chain) {
    const layout = layouts.get(dir);
    if (!layout) continue;
    if (layout.config?.skipInheritedLayouts) result = [];
    result.push(layout);
  }
  if (ownConfig?.skipInheritedLayouts) result = [];
  const useApp = !ownConfig?.skipAppWrapper &&
    !result.some((l) => l.config?.skipAppWrapper);
  return { layouts: result, useApp };
}

export interface FsRoutes<State> {
  /** Sorted: most specific pattern first. */
  routes: Route<State>[];
  appShell?: AnyComponent;
  /** For unmatched URLs: the root folder's middlewares and `_error` page. */
  rootMiddlewares: Middleware<State>[];
  rootErrorPage?: ErrorPage<State>;
}

export function resolveFsRoutes<State>(manifest: Manifest): FsRoutes<State> {
  let appShell: AnyComponent | undefined;
  const routes: Route<State>[] = [];
  const layouts: Folders<Wrapper> = new Map();
  const middlewares: Folders<Middleware<State>[]> = new Map();
  const errorPages: Folders<Wrapper> = new Map();
  const pages: {
    dir: string;
    file: string;
    entry: RouteModule<State> | (() => Promise<RouteModule<State>>);
  }[] = [];

  for (const [key, entry] of Object.entries(manifest.routes)) {
    const file = key.replace(/^\.\/routes\//, "");
    const slash = file.lastIndexOf("/");
    const dir = slash === -1 ? "" : file.slice(0, slash);
    const name = file.slice(slash + 1).replace(/\.[jt]sx?$/, "");
    if (typeof entry === "function") {
      // Lazy entries are pages: the folder files are imported with the manifest.
      pages.push({
        dir,
        file,
        entry: entry as () => Promise<RouteModule<State>>,
      });
      continue;
    }
    const mod = entry as RouteModule<State>;
    if (name === "_app") appShell = mod.default;
    else if (name === "_layout" && mod.default) {
      layouts.set(dir, { component: mod.default, config: mod.config });
    } else if (name === "_middleware" && mod.default) {
      const value = mod.default as unknown as Middleware<State> | Middleware<
        State
      >[];
      middlewares.set(dir, Array.isArray(value) ? value : [value]);
    } else if (name === "_error" && mod.default) {
      errorPages.set(dir, { component: mod.default, config: mod.config });
    } else if (!name.startsWith("_")) pages.push({ dir, file, entry: mod });
  }

  const errorPageFor = (chain: string[]): ErrorPage<State> | undefined => {
    for (let i = chain.length - 1; i >= 0; i--) {
      const found = errorPages.get(chain[i]);
      if (!found) continue;
      const own = chain.slice(0, i + 1);
      return {
        component: found.component,
        ...resolveWrappers(own, layouts, found.config),
      };
    }
    return undefined;
  };

  for (const { dir, file, entry } of pages) {
    const chain = folderChain(dir);
    const route: Route<State> = {
      compiled: compileSegments(routeFileToSegments(file)),
      layouts: [],
      useApp: true,
      middlewares: chain.flatMap((d) => middlewares.get(d) ?? []),
      errorPage: errorPageFor(chain),
    };
    const fill = (module: RouteModule<State>) => {
      route.handler = module.handler ?? module.handlers;
      route.page = module.default;
      Object.assign(route, resolveWrappers(chain, layouts, module.config));
    };
    if (typeof entry === "function") {
      let loading: Promise<void> | null = null;
      route.load = () =>
        loading ??= entry().then((module) => {
          fill(module);
          delete route.load;
        }, (error) => {
          loading = null; // a later request tries again
          throw error;
        });
    } else fill(entry);
    routes.push(route);
  }
  routes.sort((a, b) => comparePatterns(a.compiled, b.compiled));
  return {
    routes,
    appShell,
    rootMiddlewares: middlewares.get("") ?? [],
    rootErrorPage: errorPageFor([""]),
  };
}
