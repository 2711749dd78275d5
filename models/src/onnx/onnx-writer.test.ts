import { describe, expect, it } from 'vitest';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import {
  attr,
  buildModel,
  node,
  readInitializers,
  readMetadata,
  tensorFloat,
  tensorInt32,
  tensorInt64,
  TensorDataType,
  valueInfo,
  type OnnxGraph,
} from './index.ts';
import { ProtoWriter } from './protobuf-writer.ts';

const { FLOAT, INT64 } = TensorDataType;

/** y = sigmoid(x W + b) for x [batch, 3], W [3, 2], b [2]. */
function denseGraph(): OnnxGraph {
  return {
    name: 'dense',
    nodes: [
      node('MatMul', ['x', 'W'], ['xw']),
      node('Add', ['xw', 'b'], ['z']),
      node('Sigmoid', ['z'], ['y']),
    ],
    initializers: [
      tensorFloat('W', [3, 2], Float32Array.from([0.5, -1, 2, 0.25, -0.75, 1.5])),
      tensorFloat('b', [2], Float32Array.from([0.1, -0.2])),
    ],
    inputs: [valueInfo('x', FLOAT, ['batch', 3])],
    outputs: [valueInfo('y', FLOAT, ['batch', 2])],
  };
}

async function run(model: Uint8Array, feeds: Record<string, Tensor>, output: string): Promise<Tensor> {
  const session = await InferenceSession.create(model);
  try {
    const result = await session.run(feeds);
    const tensor = result[output];
    if (!tensor) throw new Error(`model produced no "${output}"; outputs: ${Object.keys(result).join(', ')}`);
    return tensor;
  } finally {
    await session.release();
  }
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('buildModel + onnxruntime', () => {
  it('runs MatMul + Add + Sigmoid with a symbolic batch dim and matches JS', async () => {
    const model = buildModel({ graph: denseGraph(), producer: { name: 'tg-risk-test', version: '1' } });
    const x = [1, 2, 3, -1, 0, 0.5];
    const y = await run(model, { x: new Tensor('float32', Float32Array.from(x), [2, 3]) }, 'y');
    expect(y.dims).toEqual([2, 2]);
    const W = [
      [0.5, -1],
      [2, 0.25],
      [-0.75, 1.5],
    ];
    const b = [0.1, -0.2];
    const expected: number[] = [];
    for (let row = 0; row < 2; row++) {
      for (let col = 0; col < 2; col++) {
        let z = b[col]!;
        for (let k = 0; k < 3; k++) z += x[row * 3 + k]! * W[k]![col]!;
        expected.push(sigmoid(z));
      }
    }
    const actual = Array.from(y.data as Float32Array);
    actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
  });

  it('runs Gather + Mul + ReduceSum (axes as an int64 initializer, keepdims attribute)', async () => {
    const table = Float32Array.from({ length: 5 * 4 }, (_, i) => i / 10 - 0.7);
    const scale = Float32Array.from([1, -2, 0.5, 3]);
    const graph: OnnxGraph = {
      name: 'bag',
      nodes: [
        node('Gather', ['table', 'ids'], ['rows'], { axis: attr.int(0) }),
        node('Mul', ['rows', 'scale'], ['scaled']),
        node('ReduceSum', ['scaled', 'axes'], ['sum'], { keepdims: attr.int(0) }),
      ],
      initializers: [
        tensorFloat('table', [5, 4], table),
        tensorFloat('scale', [4], scale),
        tensorInt64('axes', [1], BigInt64Array.from([0n])),
      ],
      inputs: [valueInfo('ids', INT64, ['n'])],
      outputs: [valueInfo('sum', FLOAT, [4])],
    };
    const ids = [4, 0, 4, 2];
    const sum = await run(
      buildModel({ graph }),
      { ids: new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [ids.length]) },
      'sum',
    );
    const expected = [0, 1, 2, 3].map((col) =>
      ids.reduce((acc, id) => acc + table[id * 4 + col]! * scale[col]!, 0),
    );
    expect(sum.dims).toEqual([4]);
    Array.from(sum.data as Float32Array).forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
  });

  it('gathers from an int64 table, keeping negative and >2^53 values exact', async () => {
    const values = [-5n, 0n, 2n ** 40n, -(2n ** 62n), 2n ** 60n + 7n];
    const graph: OnnxGraph = {
      name: 'lookup',
      nodes: [node('Gather', ['values', 'ids'], ['picked'])],
      initializers: [tensorInt64('values', [values.length], BigInt64Array.from(values))],
      inputs: [valueInfo('ids', INT64, ['batch', 'sequence'])],
      outputs: [valueInfo('picked', INT64, ['batch', 'sequence'])],
    };
    const ids = BigInt64Array.from([3n, 0n, 4n, 2n, 2n, 1n]);
    const picked = await run(buildModel({ graph }), { ids: new Tensor('int64', ids, [2, 3]) }, 'picked');
    expect(picked.dims).toEqual([2, 3]);
    expect(Array.from(picked.data as BigInt64Array)).toEqual([
      values[3],
      values[0],
      values[4],
      values[2],
      values[2],
      values[1],
    ]);
  });

  it('encodes float, ints, floats and string attributes the runtime understands', async () => {
    const graph: OnnxGraph = {
      name: 'attributes',
      nodes: [
        node('Constant', [], ['weights'], { value_floats: attr.floats([1.5, -2, 0.25]) }),
        node('Constant', [], ['shape'], { value_ints: attr.ints([3, -1]) }),
        node('Add', ['x', 'weights'], ['shifted']),
        node('LeakyRelu', ['shifted'], ['leaky'], { alpha: attr.float(0.5) }),
        node('Reshape', ['leaky', 'shape'], ['column']),
        node('Cast', ['column'], ['rounded'], { to: attr.int(TensorDataType.INT32) }),
        node('Constant', [], ['label'], { value_string: attr.string('ok') }),
      ],
      initializers: [],
      inputs: [valueInfo('x', FLOAT, [3])],
      outputs: [
        valueInfo('leaky', FLOAT, [3]),
        valueInfo('rounded', TensorDataType.INT32, [3, 1]),
        valueInfo('label', TensorDataType.STRING, []),
      ],
    };
    const session = await InferenceSession.create(buildModel({ graph }));
    try {
      const out = await session.run({ x: new Tensor('float32', Float32Array.from([1, 1, -4]), [3]) });
      expect(Array.from(out.leaky!.data as Float32Array)).toEqual([2.5, -0.5, -1.875]);
      expect(out.rounded!.dims).toEqual([3, 1]);
      expect(Array.from(out.rounded!.data as Int32Array)).toEqual([2, 0, -1]);
      expect(out.label!.data).toEqual(['ok']);
    } finally {
      await session.release();
    }
  });
});

describe('determinism and read-back', () => {
  it('gives byte-identical models for the same inputs, whatever the metadata key order', () => {
    const a = buildModel({ graph: denseGraph(), metadata: { labels: 'fraud,drugs', seed: '7' } });
    const b = buildModel({ graph: denseGraph(), metadata: { seed: '7', labels: 'fraud,drugs' } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readMetadata(a)).toEqual({ labels: 'fraud,drugs', seed: '7' });
  });

  it('reads initializers back exactly (float, int64, int32, scalars)', () => {
    const graph: OnnxGraph = {
      name: 'weights',
      nodes: [node('Identity', ['x'], ['y'])],
      initializers: [
        tensorFloat('w', [2, 2], Float32Array.from([0.1, -0, Infinity, 3.4028234663852886e38])),
        tensorInt64('ids', [3], BigInt64Array.from([-1n, 0n, 9007199254740993n])),
        tensorInt32('small', [2], Int32Array.from([-7, 2147483647])),
        tensorFloat('scalar', [], Float32Array.from([0.5])),
      ],
      inputs: [valueInfo('x', FLOAT, [1])],
      outputs: [valueInfo('y', FLOAT, [1])],
    };
    const read = readInitializers(buildModel({ graph }));
    expect([...read.keys()]).toEqual(['w', 'ids', 'small', 'scalar']);
    for (const tensor of graph.initializers) {
      const back = read.get(tensor.name);
      expect(back?.dims).toEqual(tensor.dims);
      expect(back?.data).toEqual(tensor.data);
    }
  });

  it('also reads tensors other writers encode with packed dims and typed data fields', () => {
    // Packed repeated fields are one length-delimited blob of bare varints (no per-element tags).
    const dims = Uint8Array.from([2, 1]);
    const floats = new Uint8Array(new Float32Array([1.25, -3]).buffer);
    const tensor = new ProtoWriter()
      .bytesField(1, dims)
      .varint(2, FLOAT)
      .bytesField(4, floats)
      .string(8, 'w');
    const int64s = Uint8Array.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x05]);
    const ints = new ProtoWriter().varint(1, 2).varint(2, INT64).bytesField(7, int64s).string(8, 'ids');
    const graph = new ProtoWriter().message(5, tensor).message(5, ints);
    const read = readInitializers(new ProtoWriter().varint(1, 8).message(7, graph).finish());
    expect(read.get('w')).toEqual({ dims: [2, 1], data: Float32Array.from([1.25, -3]) });
    expect(read.get('ids')).toEqual({ dims: [2], data: BigInt64Array.from([-2n, 5n]) });
  });

  it('rejects graphs that read undefined names or define a name twice', () => {
    const dangling: OnnxGraph = { ...denseGraph(), nodes: [node('MatMul', ['x', 'missing'], ['xw'])] };
    expect(() => buildModel({ graph: dangling })).toThrow(/reads "missing" before anything defines it/);
    const twice: OnnxGraph = {
      ...denseGraph(),
      nodes: [...denseGraph().nodes, node('Identity', ['x'], ['y'])],
    };
    expect(() => buildModel({ graph: twice })).toThrow(/"y" is defined twice/);
    expect(() => tensorFloat('w', [2, 3], new Float32Array(5))).toThrow(/6 values\) but 5 values/);
  });

  it('fails clearly on bytes that are not a model', () => {
    expect(() => readInitializers(Uint8Array.from([0x3a, 0x05, 0x01]))).toThrow(/Not a readable ONNX model/);
    expect(() => readInitializers(new Uint8Array())).toThrow(/no graph/);
  });
});
