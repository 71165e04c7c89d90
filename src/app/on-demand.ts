/**
 * A port whose adapter is loaded on first use: the composition root hands features an object with
 * the port's methods at once, and the adapter's code (its module and libraries: Planner, reminder
 * cards, the import writer, the roster) is fetched by `import()` only when a method is first
 * called. The first screen therefore downloads only the plan's own adapters.
 *
 * Every method of such a port returns a promise, so waiting for the code changes nothing for the
 * caller. A failed load (a dropped connection) is not remembered: the next call tries again.
 */
type AsyncMethod = (...args: never[]) => Promise<unknown>;
type AsyncPort<T> = { [K in keyof T]: T[K] extends AsyncMethod ? T[K] : never };

export function onDemand<T extends AsyncPort<T>>(load: () => Promise<T>, methods: Readonly<Record<keyof T, true>>): T {
  let loaded: Promise<T> | null = null;
  const target = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  const port: Partial<Record<keyof T, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const name of Object.keys(methods) as Array<keyof T>) {
    port[name] = async (...args: unknown[]) => {
      const adapter = await target();
      return (adapter[name] as unknown as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
    };
  }
  return port as T;
}
