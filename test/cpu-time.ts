// The clock of the tests that compare a cost at two sizes (linear, not
// quadratic): the CPU time this process has taken, in milliseconds. A test
// file runs in a process of its own, so this is the work being measured,
// while wall time also counts whatever else the machine runs (under a load
// of 8 on 2 cores, wall-time ratios of linear work reached 17 against a
// bound of 15).
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
