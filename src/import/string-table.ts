// A map from strings to small whole numbers, kept in a few typed arrays instead of a heap object per
// entry, pure. An import remembers every CRM record of the export (to refuse a record twice) and
// every id it gives (to never give one twice): a million-row export would otherwise hold ~300
// bytes of strings, map entries and collector slack per row; here it is the string's UTF-8 bytes
// and 16 bytes (bench/import.js --big measures it).

const encoder = new TextEncoder();
const EMPTY = 0xffffffff;

export class StringTable {
  /** Every key's UTF-8 bytes, one after another. */
  #bytes = new Uint8Array(1 << 16);
  #used = 0;
  /** Per entry: where its bytes start, how many, its value. */
  #starts = new Uint32Array(1 << 10);
  #lengths = new Uint32Array(1 << 10);
  #values = new Uint32Array(1 << 10);
  #count = 0;
  /** Open addressing, linear probing: entry number, or EMPTY. Never more than half full. */
  #slots = new Uint32Array(1 << 11).fill(EMPTY);
  /** The key being looked up, encoded. */
  #scratch = new Uint8Array(256);

  get size(): number {
    return this.#count;
  }

  has(key: string): boolean {
    return this.#find(this.#encode(key)) !== EMPTY;
  }

  get(key: string): number | undefined {
    const slot = this.#find(this.#encode(key));
    return slot === EMPTY ? undefined : this.#values[this.#slots[slot]!];
  }

  /** `value` is a whole number from 0 to 2³² − 1. */
  set(key: string, value: number): this {
    const length = this.#encode(key);
    const found = this.#find(length);
    if (found !== EMPTY) {
      this.#values[this.#slots[found]!] = value;
      return this;
    }
    if (this.#count === this.#starts.length) this.#growEntries();
    if (this.#used + length > this.#bytes.length) this.#bytes = grown(this.#bytes, this.#used + length);
    this.#bytes.set(this.#scratch.subarray(0, length), this.#used);
    const entry = this.#count++;
    this.#starts[entry] = this.#used;
    this.#lengths[entry] = length;
    this.#values[entry] = value;
    this.#used += length;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
    else this.#slots[this.#probe(this.#hash(this.#scratch, 0, length), length, false)] = entry;
    return this;
  }

  /** The key's UTF-8 bytes into the scratch buffer; their count. */
  #encode(key: string): number {
    // At most 3 bytes for each UTF-16 unit.
    if (key.length * 3 > this.#scratch.length) this.#scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.#scratch).written;
  }

  /** The slot of the scratch key, or EMPTY. */
  #find(length: number): number {
    const slot = this.#probe(this.#hash(this.#scratch, 0, length), length, true);
    return this.#slots[slot] === EMPTY ? EMPTY : slot;
  }

  /** From the hash's slot on: the slot holding the scratch key (when `match`), else the first empty one. */
  #probe(hash: number, length: number, match: boolean): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === EMPTY) return slot;
      if (match && this.#equals(entry, length)) return slot;
    }
  }

  #equals(entry: number, length: number): boolean {
    if (this.#lengths[entry] !== length) return false;
    const start = this.#starts[entry]!;
    for (let i = 0; i < length; i++) if (this.#bytes[start + i] !== this.#scratch[i]) return false;
    return true;
  }

  /** FNV-1a. */
  #hash(bytes: Uint8Array, start: number, length: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    return hash >>> 0;
  }

  #growEntries(): void {
    const size = this.#starts.length * 2;
    this.#starts = grown(this.#starts, size);
    this.#lengths = grown(this.#lengths, size);
    this.#values = grown(this.#values, size);
  }

  #rehash(): void {
    this.#slots = new Uint32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = this.#slots.length - 1;
    for (let entry = 0; entry < this.#count; entry++) {
      let slot = this.#hash(this.#bytes, this.#starts[entry]!, this.#lengths[entry]!) & mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.#slots[slot] = entry;
    }
  }
}

/** A copy at least `size` long, doubled. */
function grown<T extends Uint8Array | Uint32Array>(array: T, size: number): T {
  let length = array.length * 2;
  while (length < size) length *= 2;
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
