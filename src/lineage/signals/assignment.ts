/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns),
 * by shortest augmenting paths with potentials (the Hungarian method in its
 * O(rows² · columns) form), so a few dozen probe units can be matched
 * against every unit of a wide MLP.
 */

/**
 * Assign rows to columns. `cost(i, j)` is read from a row-major array.
 * @returns for each row, its column.
 * @example assign(new Float64Array([4, 1, 3, 2, 0, 5]), 2, 3) // [1, 0]
 */
export function assign(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (rows > cols) throw new Error('assign: more rows than columns');
  const INF = Number.POSITIVE_INFINITY;
  // 1-based arrays with a virtual column 0, as in the classic formulation.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = (cost[(i0 - 1) * cols + (j - 1)] as number) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(rows);
  for (let j = 1; j <= cols; j++) if ((p[j] as number) > 0) out[(p[j] as number) - 1] = j - 1;
  return out;
}
