/**
 * Kubernetes versions a new EKS cluster may use, dated (docs/versions.md,
 * "EKS Kubernetes"; checked 2026-11-25 against the EKS user guide's version
 * calendar as quoted in ../shared/facts B.1). Only versions in standard
 * support for months to come are offered: extended support is billed and
 * ends in cluster upgrades under pressure.
 */
export const EKS_VERSIONS = ["1.35", "1.36"] as const;

/** A version a new cluster may use. */
export type EksVersion = (typeof EKS_VERSIONS)[number];

/** End of standard support of each offered version (after it, EKS bills extended support or upgrades the cluster). */
export const EKS_STANDARD_SUPPORT_ENDS: Readonly<Record<EksVersion, string>> = {
  "1.35": "2027-03-27",
  // About 14 months after its June 2026 release, as for every version since 1.23 (inferred; not yet published).
  "1.36": "2027-08-28",
};

/** Versions refused, with why: a config naming one is told the date instead of meeting EKS's refusal or its bill. */
export const REFUSED_EKS_VERSIONS: Readonly<Record<string, string>> = {
  "1.29": "extended support ended 2026-03-23: clusters can no longer be created",
  "1.30": "extended support ended 2026-07-23: clusters can no longer be created",
  "1.31": "extended support ends 2026-11-26",
  "1.32": "in billed extended support since 2026-03-23",
  "1.33": "in billed extended support since 2026-07-29",
  "1.34": "standard support ends 2026-12-02",
};
