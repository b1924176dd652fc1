# Writes ggml-k-blocks.json: Q4_K and Q6_K blocks quantized by ggml itself, with ggml's own
# dequantization of them, as an independent reference for dequant.ts. Run from the repo root:
#   python3 src/lineage/kernels/__fixtures__/ggml-k-blocks.py node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libggml-base.so
import ctypes, json, math, sys
from pathlib import Path

import numpy as np

lib = ctypes.CDLL(sys.argv[1])
n = 512  # two super-blocks
# Sub-blocks of 32 with different magnitudes and offsets, so the 6-bit scales and mins take varied values (above 15 too).
x = np.array([math.sin(i * 0.37 + 1) * (0.02 + 0.03 * ((i // 32) % 7)) + (0.01 * ((i // 32) % 3) - 0.01) for i in range(n)], dtype=np.float32)
out = {}
for name, block_bytes in (("q4_K", 144), ("q6_K", 210)):
    q = ctypes.create_string_buffer(n // 256 * block_bytes)
    y = np.zeros(n, dtype=np.float32)
    fp = ctypes.POINTER(ctypes.c_float)
    getattr(lib, f"quantize_row_{name}_ref")(x.ctypes.data_as(fp), q, ctypes.c_int64(n))
    getattr(lib, f"dequantize_row_{name}")(q, y.ctypes.data_as(fp), ctypes.c_int64(n))
    out[name.upper()] = {"blocks": q.raw.hex(), "values": [f"{v:08x}" for v in y.view(np.uint32)]}

Path(__file__).with_suffix(".json").write_text(json.dumps(out) + "\n")
