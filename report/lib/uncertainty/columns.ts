// The one naming of an interval's columns: a statistic `<name>` has `<name>Lower` and `<name>Upper`
// (bootstrapSummary writes them, the sections' tables carry them, the figures' error bars read them).
// Typed as template literals, so `row[lowerColumn("p50")]` is known to be `row.p50Lower`.
export const lowerColumn = <N extends string>(name: N): `${N}Lower` => `${name}Lower`;
export const upperColumn = <N extends string>(name: N): `${N}Upper` => `${name}Upper`;
