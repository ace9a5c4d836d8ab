"""Compares our simplified derivatives with SymPy's simplify(diff(e, v)).

Reads the cases written by
    dotnet run -c Release --project bench/Functional.Benchmarks -- sympy-export bench/sympy/cases.csv
and writes bench/sympy/results.csv plus a summary on stdout.

Size metric: sympy.count_ops(expr, visual=False) for both sides. Our derivative is parsed with
evaluate=False so that SymPy does not rewrite it before counting. Functions SymPy does not have
(sigmoid, softplus, ...) are counted as their SymPy definition (sigmoid(u) = 1/(1 + exp(-u)) costs
the ops of that expansion), and SymPy is given the expression with them expanded.
SymPy time: one call of simplify(diff(e, v)) with SymPy's cache cleared first, under a per-case
timeout (SIGALRM); a timeout counts as SymPy being slower and is excluded from the size comparison.
Equality: both derivatives are evaluated at random points where the expression and both derivatives
are real and finite; a relative difference above 1e-8 is reported as a mismatch.
"""
import argparse
import csv
import math
import random
import signal
import statistics
import sys
import time

import sympy
from sympy.core.cache import clear_cache
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

u = sympy.Symbol("u")
v2 = sympy.Symbol("w")

# Our functions that SymPy lacks or spells differently: their SymPy definitions.
DEFINITIONS = {
    "sigmoid": sympy.Lambda(u, 1 / (1 + sympy.exp(-u))),
    "softplus": sympy.Lambda(u, sympy.log(1 + sympy.exp(u))),
    "log1p": sympy.Lambda(u, sympy.log(1 + u)),
    "expm1": sympy.Lambda(u, sympy.exp(u) - 1),
    "relu": sympy.Lambda(u, sympy.Max(0, u)),
    "cbrt": sympy.Lambda(u, sympy.real_root(u, 3)),
    "abs": sympy.Lambda(u, sympy.Abs(u)),
    "xlogy": sympy.Lambda((u, v2), u * sympy.log(v2)),
    "pow": sympy.Lambda((u, v2), u ** v2),
    "max": sympy.Lambda((u, v2), sympy.Max(u, v2)),
    "min": sympy.Lambda((u, v2), sympy.Min(u, v2)),
}
# The same names as opaque functions, for parsing our output without rewriting it.
OPAQUE = {name: sympy.Function(name.upper() + "_") for name in DEFINITIONS}
CONSTANTS = {"e": sympy.E, "pi": sympy.pi, "inf": sympy.oo, "nan": sympy.nan}


def translate(text):
    return text.replace("^", "**")


def symbols_for(text):
    return {name: sympy.Symbol(name) for name in ("x", "y", "z")}


def sympy_input(text):
    """The expression as a user would give it to SymPy: evaluated, our functions expanded."""
    local = {**symbols_for(text), **CONSTANTS, **DEFINITIONS}
    return parse_expr(translate(text), local_dict=local)


def ours_unevaluated(text):
    """Our derivative exactly as printed (evaluate=False), our functions kept opaque."""
    local = {**symbols_for(text), **CONSTANTS, **OPAQUE}
    return parse_expr(translate(text), local_dict=local, evaluate=False,
                      transformations=standard_transformations)


def expansion_cost(name):
    """count_ops of a function's SymPy definition, not counting its arguments."""
    lam = DEFINITIONS[name]
    return sympy.count_ops(lam(*lam.variables), visual=False)


COSTS = {OPAQUE[name]: expansion_cost(name) for name in DEFINITIONS}


def count_ours(expr):
    """count_ops with each opaque function costed as its SymPy definition."""
    total = sympy.count_ops(expr, visual=False)
    for node in sympy.preorder_traversal(expr):
        cost = COSTS.get(type(node))
        if cost is not None:
            total += cost - 1  # count_ops already counted the application as one operation
    return total


def expand_opaque(expr):
    return expr.replace(lambda n: type(n) in COSTS,
                        lambda n: DEFINITIONS[type(n).__name__[:-1].lower()](*n.args))


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def real_value(expr, point):
    try:
        value = complex(expr.evalf(30, subs=point))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if not (math.isfinite(value.real) and math.isfinite(value.imag)):
        return None
    if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
        return None
    return value.real


def check_equal(original, ours, theirs, names, rng):
    """(points compared, largest relative difference) over random points where all three are real."""
    compared, worst = 0, 0.0
    for _ in range(12):
        point = {sympy.Symbol(n): sympy.Float(round(rng.uniform(-2, 2), 3)) for n in names}
        if real_value(original, point) is None:
            continue
        a, b = real_value(ours, point), real_value(theirs, point)
        if a is None or b is None:
            continue
        compared += 1
        worst = max(worst, abs(a - b) / max(1.0, abs(a), abs(b)))
        if compared == 4:
            break
    return compared, worst


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="?", default="bench/sympy/cases.csv")
    parser.add_argument("--out", default="bench/sympy/results.csv")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--reuse", default=None,
                        help="a results.csv of an earlier run: take SymPy's side from it instead of recomputing "
                             "(for iterating on our side; SymPy's times are then the recorded ones)")
    args = parser.parse_args()

    rows = list(csv.DictReader(open(args.cases)))[: args.limit]
    signal.signal(signal.SIGALRM, on_alarm)
    rng = random.Random(16)
    earlier = {(r["id"], r["variable"]): r for r in csv.DictReader(open(args.reuse))} if args.reuse else {}
    results = []
    for i, row in enumerate(rows):
        original = sympy_input(row["expression"])
        var = sympy.Symbol(row["variable"])
        ours = ours_unevaluated(row["ours"])
        our_count = count_ours(ours)
        clear_cache()
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        recorded = earlier.get((row["id"], row["variable"]))
        try:
            if recorded is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if recorded["timed_out"] == "1":
                    raise Timeout()
                theirs = sympy.sympify(recorded["sympy"], locals={**symbols_for(""), "E": sympy.E})
            else:
                theirs = sympy.simplify(sympy.diff(original, var))
            signal.setitimer(signal.ITIMER_REAL, 0)
            sympy_s = float(recorded["sympy_s"]) if recorded is not None else time.perf_counter() - start
            timed_out = False
        except Timeout:
            sympy_s = float(recorded["sympy_s"]) if recorded is not None else args.timeout
            theirs, timed_out = None, True
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        result = dict(id=row["id"], variable=row["variable"], our_ops_native=row["our_ops"],
                      our_ops=our_count, our_ops_named=sympy.count_ops(ours, visual=False), our_median_us=row["our_median_us"], our_first_us=row["our_first_us"],
                      sympy_s=f"{sympy_s:.4f}", timed_out=int(timed_out))
        if not timed_out:
            result["sympy_ops"] = int(recorded["sympy_ops"]) if recorded is not None else sympy.count_ops(theirs, visual=False)
            names = sorted(str(s) for s in original.free_symbols)
            compared, worst = check_equal(original, expand_opaque(ours), theirs, names, rng)
            result.update(points=compared, max_rel_diff=f"{worst:.2e}", sympy=sympy.sstr(theirs))
        results.append(result)
        print(f"{i + 1}/{len(rows)} id {row['id']} d/d{row['variable']}: ours {our_count} sympy "
              f"{result.get('sympy_ops', 'timeout')} in {sympy_s:.2f} s", file=sys.stderr, flush=True)

    fields = ["id", "variable", "our_ops", "sympy_ops", "our_ops_named", "our_ops_native", "our_median_us", "our_first_us",
              "sympy_s", "timed_out", "points", "max_rel_diff", "sympy"]
    with open(args.out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(results)
    summarize(results, args.timeout)


def summarize(results, timeout):
    done = [r for r in results if not r["timed_out"]]
    timeouts = len(results) - len(done)
    no_larger = sum(1 for r in done if r["our_ops"] <= r["sympy_ops"])
    smaller = sum(1 for r in done if r["our_ops"] < r["sympy_ops"])
    ratios = [r["our_ops"] / r["sympy_ops"] for r in done if r["sympy_ops"] > 0]
    speed = [float(r["sympy_s"]) * 1e6 / float(r["our_median_us"]) for r in results]
    speed_first = [float(r["sympy_s"]) * 1e6 / float(r["our_first_us"]) for r in results]
    mismatches = [r for r in done if float(r["max_rel_diff"]) > 1e-8]
    unchecked = sum(1 for r in done if r["points"] == 0)
    print(f"cases: {len(results)}; SymPy timeouts (> {timeout:g} s): {timeouts}")
    print(f"ours <= SymPy in operations: {no_larger}/{len(done)} = {100 * no_larger / len(done):.1f}% "
          f"(strictly smaller {smaller}, larger {len(done) - no_larger})")
    print(f"size ratio ours/SymPy (cases with SymPy > 0 ops, n={len(ratios)}): median {statistics.median(ratios):.3f}, "
          f"mean {statistics.mean(ratios):.3f}")
    named = sum(1 for r in done if r["our_ops_named"] <= r["sympy_ops"])
    print(f"counting sigmoid/softplus as one operation each (SymPy has no such function): ours <= SymPy in "
          f"{named}/{len(done)} = {100 * named / len(done):.1f}%")
    print(f"total operations: ours {sum(r['our_ops'] for r in done)}, SymPy {sum(r['sympy_ops'] for r in done)}")
    print(f"speed ratio SymPy/ours per case (ours warm median): median {statistics.median(speed):.0f}x, "
          f"min {min(speed):.0f}x; against our first call: median {statistics.median(speed_first):.0f}x, "
          f"min {min(speed_first):.0f}x; cases below 1000x (warm): {sum(1 for s in speed if s < 1000)}")
    print(f"total time: ours {sum(float(r['our_median_us']) for r in results) / 1e3:.1f} ms (warm medians), "
          f"{sum(float(r['our_first_us']) for r in results) / 1e3:.1f} ms (first calls); "
          f"SymPy {sum(float(r['sympy_s']) for r in results):.1f} s (timeouts counted as {timeout:g} s)")
    print(f"numeric check: {len(done) - unchecked} cases compared at >= 1 real point, {unchecked} without a real point, "
          f"{len(mismatches)} mismatches (relative difference > 1e-8)")
    for r in mismatches:
        print(f"  mismatch: id {r['id']} d/d{r['variable']} rel diff {r['max_rel_diff']}")


if __name__ == "__main__":
    main()
