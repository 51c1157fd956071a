/**
 * Append-only typed arrays for the graph builder: millions of rows without millions of JS
 * objects. `finish()` returns an exactly-sized copy.
 */

type TypedArrayCtor<T> = { new (n: number): T };

interface Typed {
  readonly length: number;
  [i: number]: number;
  set(src: ArrayLike<number>, offset?: number): void;
  subarray(begin: number, end: number): Typed;
}

class Growable<T extends Typed> {
  private buf: T;
  private n = 0;
  private readonly ctor: TypedArrayCtor<T>;
  constructor(ctor: TypedArrayCtor<T>, initial = 1024) {
    this.ctor = ctor;
    this.buf = new ctor(initial);
  }
  get length(): number {
    return this.n;
  }
  push(v: number): void {
    if (this.n === this.buf.length) {
      const next = new this.ctor(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = v;
  }
  get(i: number): number {
    return this.buf[i] as number;
  }
  setAt(i: number, v: number): void {
    this.buf[i] = v;
  }
  finish(): T {
    const out = new this.ctor(this.n);
    out.set(this.buf.subarray(0, this.n));
    return out;
  }
}

export class GrowU32 extends Growable<Uint32Array> {
  constructor(initial?: number) {
    super(Uint32Array, initial);
  }
}
export class GrowI32 extends Growable<Int32Array> {
  constructor(initial?: number) {
    super(Int32Array, initial);
  }
}
export class GrowF64 extends Growable<Float64Array> {
  constructor(initial?: number) {
    super(Float64Array, initial);
  }
}
export class GrowU8 extends Growable<Uint8Array> {
  constructor(initial?: number) {
    super(Uint8Array, initial);
  }
}
