// autocannon ships no types and @types/autocannon is not installed: just the part of its programmatic API
// the benchmark uses (see node_modules/autocannon/README.md).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: (Request & { setupRequest?: (req: Request, context: object) => Request })[];
  };
  type Percentiles = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
  } & {
    [p: `p${number}`]: number;
  };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Percentiles;
    requests: Percentiles & { sent: number };
  };
  type Instance = Promise<Result> & {
    stop: () => void;
    on: (
      event: 'response',
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ) => void;
  };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
