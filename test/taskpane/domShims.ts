/** What jsdom lacks and Fluent UI uses (TabList's selection indicator watches its size). */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof w.ResizeObserver === 'undefined') w.ResizeObserver = ResizeObserverStub;

export {};
