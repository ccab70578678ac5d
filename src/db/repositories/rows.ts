/** The row an INSERT … RETURNING returned: there is always one, or the insert threw. */
export async function inserted<Row>(row: Promise<Row | undefined>): Promise<Row> {
  const value = await row;
  if (!value) throw new Error("the insert returned no row");
  return value;
}
