/** Runs `check` over `items`, a few at a time (an app's pool has 10 connections). */
export async function inBatches<T>(items: T[], check: (item: T) => Promise<void>, size = 8): Promise<void> {
  for (let index = 0; index < items.length; index += size)
    await Promise.all(items.slice(index, index + size).map(check));
}
