import { describe, expect, it } from 'vitest';
import { onDemand } from '../../src/app/on-demand';

interface Greeter {
  greet(name: string): Promise<string>;
  count(): Promise<number>;
}

class RealGreeter implements Greeter {
  private calls = 0;
  constructor(private readonly prefix: string) {}
  async greet(name: string): Promise<string> {
    this.calls++;
    return `${this.prefix} ${name}`;
  }
  async count(): Promise<number> {
    return this.calls;
  }
}

describe('onDemand', () => {
  it('loads the adapter on the first call only, and calls its methods with their own this', async () => {
    let loads = 0;
    const port = onDemand<Greeter>(
      async () => {
        loads++;
        return new RealGreeter('Hei');
      },
      { greet: true, count: true },
    );
    expect(loads).toBe(0);
    expect(await port.greet('Kari')).toBe('Hei Kari');
    expect(await Promise.all([port.greet('Ola'), port.count()])).toEqual(['Hei Ola', 2]);
    expect(await port.count()).toBe(2);
    expect(loads).toBe(1);
  });

  it('tries to load again after a failed load, and passes the failure on', async () => {
    let attempts = 0;
    const port = onDemand<Greeter>(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('chunk failed');
        return new RealGreeter('Hallo');
      },
      { greet: true, count: true },
    );
    await expect(port.greet('Per')).rejects.toThrow('chunk failed');
    expect(await port.greet('Per')).toBe('Hallo Per');
    expect(attempts).toBe(2);
  });

  it("passes a method's rejection on without reloading", async () => {
    let loads = 0;
    const port = onDemand<Greeter>(
      async () => {
        loads++;
        return { greet: async () => Promise.reject(new Error('refused')), count: async () => 0 };
      },
      { greet: true, count: true },
    );
    await expect(port.greet('x')).rejects.toThrow('refused');
    expect(await port.count()).toBe(0);
    expect(loads).toBe(1);
  });
});
