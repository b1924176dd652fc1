/**
 * Linear centred kernel alignment between two representations of the same
 * samples (rows): ‖Yᵀ X‖²_F / (‖Xᵀ X‖_F ‖Yᵀ Y‖_F) after centring columns.
 * 1 when one is an orthogonal transform and scaling of the other, near 0 for
 * unrelated ones (with a small positive bias when columns approach rows).
 */

function centre(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = Float64Array.from(x);
  for (let c = 0; c < cols; c++) {
    let m = 0;
    for (let r = 0; r < rows; r++) m += out[r * cols + c] as number;
    m /= rows;
    for (let r = 0; r < rows; r++) out[r * cols + c] = (out[r * cols + c] as number) - m;
  }
  return out;
}

/** ‖Aᵀ B‖²_F for row-major A (rows × ca) and B (rows × cb). */
function crossNorm2(a: Float64Array, ca: number, b: Float64Array, cb: number, rows: number): number {
  let total = 0;
  for (let i = 0; i < ca; i++) {
    for (let j = 0; j < cb; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += (a[r * ca + i] as number) * (b[r * cb + j] as number);
      total += s * s;
    }
  }
  return total;
}

/**
 * Linear CKA of X (rows × cx) and Y (rows × cy).
 * @example linearCka(x, y, 64, 32, 32) // 1 for y = x·Q with Q orthogonal
 */
export function linearCka(x: Float64Array, y: Float64Array, rows: number, cx: number, cy: number): number {
  const xc = centre(x, rows, cx);
  const yc = centre(y, rows, cy);
  const xy = crossNorm2(xc, cx, yc, cy, rows);
  const xx = Math.sqrt(crossNorm2(xc, cx, xc, cx, rows));
  const yy = Math.sqrt(crossNorm2(yc, cy, yc, cy, rows));
  return xx > 0 && yy > 0 ? xy / (xx * yy) : 0;
}
