"""The gate: findings and inputs against the configured thresholds -> verdict and reasons."""

from __future__ import annotations

from collections import Counter

from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.report import GateResult, InputStatus
from zhqa.text.plural import plural


def evaluate(
    config: SuiteConfig,
    errors_by_code: Counter[str],
    findings_by_code: Counter[str],
    errors_by_family: Counter[str],
    warnings: int,
    inputs: list[InputStatus],
    extra_reasons: list[str] | None = None,
) -> GateResult:
    """Pass unless a threshold is exceeded; every exceeded threshold is one reason."""
    reasons: list[str] = []
    total = sum(errors_by_code.values())
    if total > config.max_errors:
        if config.max_errors == 0:
            reasons += [
                f"{code}: {n} {plural(n, 'error')} (max 0)" for code, n in sorted(errors_by_code.items()) if n
            ]
        else:
            reasons.append(f"{total} {plural(total, 'error')} in all (max {config.max_errors})")
    for family, cap in sorted(config.max_family.items()):
        if errors_by_family[family] > cap:
            n = errors_by_family[family]
            reasons.append(f"{family}: {n} {plural(n, 'error')} (max {cap})")
    for code, cap in sorted(config.max_count.items()):
        n = sum(v for c, v in findings_by_code.items() if c.startswith(code))
        if n > cap:
            reasons.append(f"{code}: {n} {plural(n, 'finding')} (max {cap})")
    if config.max_warnings is not None and warnings > config.max_warnings:
        reasons.append(f"{warnings} {plural(warnings, 'warning')} (max {config.max_warnings})")
    if config.fail_on_input_error:
        bad = [i.source for i in inputs if i.status == "error"]
        if bad:
            shown = ", ".join(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
            reasons.append(f"{len(bad)} unreadable {plural(len(bad), 'input')}: {shown}")
    reasons += extra_reasons or []
    return GateResult(passed=not reasons, reasons=reasons)
