/** One request/reply round trip after the other through the gateway and Kafka to one service and back. */
export async function requestReplyLatencies(gatewayUrl: string, calls: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let call = 0; call < calls; call++) {
    const started = performance.now();
    const response = await fetch(`${gatewayUrl}/api/v1/status/membership`);
    const body = (await response.json()) as { status: string };
    if (body.status !== 'ok') throw new Error(`call ${call}: membership answered ${JSON.stringify(body)}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}
