/** Sends one SMS. */
export interface SmsGateway {
  send(message: { to: string; text: string }): Promise<void>;
}

/**
 * An HTTP SMS gateway: POST JSON `{to, text}` to `url` with `Authorization: Bearer <token>`. Any
 * answer other than 2xx is a failure (the job retries). Undefined without a URL: SMS is then skipped.
 */
export function createSmsGateway(options: {
  url?: string;
  token?: string;
  timeoutMs?: number;
}): SmsGateway | undefined {
  const { url, token } = options;
  if (!url) return undefined;
  return {
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
