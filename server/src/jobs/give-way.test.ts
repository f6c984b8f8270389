import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { countRequestsInFlight, requestsInFlight } from '../http/requests-in-flight.js';
import { wayGiver } from './give-way.js';

const working = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bulk work giving way to requests', () => {
  it('rests after a stretch of work while a request is being answered, and not once it is answered', async () => {
    const app = Fastify();
    countRequestsInFlight(app);
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    app.get('/slow', async () => {
      await answered;
      return { ok: true };
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const rests: number[] = [];
      const giveWay = wayGiver((ms) => {
        rests.push(ms);
        return Promise.resolve();
      });
      const request = fetch(`${url}/slow`);
      await expect.poll(requestsInFlight).toBe(1);
      await working(40);
      await giveWay();
      expect(rests).toHaveLength(1);
      expect(rests[0]).toBeGreaterThanOrEqual(30);

      answer();
      expect((await request).status).toBe(200);
      await expect.poll(requestsInFlight).toBe(0);
      await working(40);
      await giveWay();
      expect(rests).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
