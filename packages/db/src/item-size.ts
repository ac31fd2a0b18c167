// DynamoDB's item-size arithmetic, to state what reading exactly some items ideally costs (RCU).
type Value = unknown;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Size of a number as DynamoDB stores it: about one byte per two significant digits, plus one. */
const numberSize = (value: number): number => {
  const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
};

const valueSize = (value: Value): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberSize(value);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value as Record<string, Value>)
        .filter(([, element]) => element !== undefined)
        .reduce((sum, [key, element]) => sum + utf8(key) + 1 + valueSize(element), 0)
    );
  }
  return utf8(String(value));
};

/** Bytes of an item: attribute names plus values, per the DynamoDB developer guide. */
export const itemSize = (item: Record<string, Value>): number =>
  Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .reduce((sum, [key, value]) => sum + utf8(key) + valueSize(value), 0);

/** Read capacity a Query ideally consumes to return exactly these items (sizes summed, then 4 KB units). */
export const idealQueryRcu = (items: readonly Record<string, Value>[], consistent = false): number => {
  const bytes = items.reduce((sum, item) => sum + itemSize(item), 0);
  const units = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? units : units / 2;
};
