/**
 * The parts of `terraform show -json` output that the plan generators read and rewrite; every
 * other field is carried through as it is.
 */
export interface PlanJson {
  resource_changes: PlanChangeJson[];
  prior_state: { values: { root_module: PlanModuleJson; [field: string]: unknown }; [field: string]: unknown };
  planned_values: { root_module: PlanModuleJson; [field: string]: unknown };
  configuration: { root_module: unknown; [field: string]: unknown };
  relevant_attributes?: unknown[];
  [field: string]: unknown;
}

export interface PlanChangeJson {
  address: string;
  module_address?: string;
  change: { before?: { id?: unknown } | null; [field: string]: unknown };
  [field: string]: unknown;
}

export interface PlanModuleJson {
  address?: string;
  resources?: PlanResourceJson[];
  child_modules?: PlanModuleJson[];
  [field: string]: unknown;
}

export interface PlanResourceJson {
  address: string;
  [field: string]: unknown;
}
