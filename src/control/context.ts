/**
 * What control-plane handlers work with: the mock's state and the machinery around it.
 */
import type { Keyring } from "../core/auth.ts";
import type { SpecModel } from "../spec/load.ts";
import type { SpecValidators } from "../spec/validators.ts";
import type { MockState } from "../state.ts";
import type { InputOf, ResultOf } from "../core/typed-operations.ts";
import type { controlOperations } from "./control-types.ts";
import type { FaultInjector } from "./faults.ts";
import type { RequestJournal } from "./journal.ts";
import type { ScriptBook } from "./scripts.ts";

/** The mock as the control plane sees it. */
export interface ControlPlane {
  state: MockState;
  journal: RequestJournal;
  scripts: ScriptBook;
  faults: FaultInjector;
  /** The public contract, to check scripts and fault rules against. */
  publicSpec: SpecModel;
  publicValidators: SpecValidators;
  controlValidators: SpecValidators;
  keyring: Keyring;
  now(): Date;
  /** Moves the mock's clock forward (`POST /__mock/clock/advance`). */
  advanceClock(ms: number): void;
  /** Writes the state to the persistence file, when there is one; resolves once it is on disk. */
  persist(): Promise<void>;
}

/** One control request's context. */
export interface ControlContext {
  requestId: string;
  meta: { requestId: string };
  plane: ControlPlane;
}

/** A control-plane handler, typed from spec/control.yaml. */
export type ControlHandler<K extends keyof controlOperations> = (
  input: InputOf<controlOperations[K]>,
  ctx: ControlContext,
) => ResultOf<controlOperations[K]> | Promise<ResultOf<controlOperations[K]>>;

/** One handler for every operation of spec/control.yaml. */
export type ControlHandlerTable = { [K in keyof controlOperations]: ControlHandler<K> };
