/**
 * Who is signed in, as the host says (auth.status): the gate shows first start, the sign-in page or the console,
 * and goes back to sign-in whenever a call is refused because no one is signed in (signed out, or locked).
 * `may` hides what the operator's role cannot use; the registry refuses it anyway.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { may as contractMay } from '../../src/contract/access.js';
import type { CallName } from '../../src/contract/contract.js';
import type { Caller, SignedIn } from '../../src/contract/operators.js';
import { call, onSignedOut } from '../api.js';
import { RecoveryCodeModal, SetupPage, SignInPage } from '../pages/SignInPage.js';

interface OperatorState {
  operator: Caller;
  may: (name: CallName) => boolean;
  signOut: () => void;
}

const OperatorContext = createContext<OperatorState | null>(null);

export function useOperator(): OperatorState {
  return useContext(OperatorContext)!;
}

/** Renders children only when the signed-in operator may make the call. */
export function Can({ call: name, children }: { call: CallName; children: ReactNode }) {
  return useOperator().may(name) ? children : null;
}

type Status = { needsSetup: boolean; operator: Caller | null; lockedFrom?: string | null } | null;

/** How often the window asks whether the host has locked its session, so the data leaves the screen soon after. */
const LOCK_CHECK_MS = 15_000;

export function OperatorGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(null);
  const [inSetup, setInSetup] = useState(false);
  // A sign-in that brings a new recovery code (it has just encrypted the register, or the last one shown was never
  // confirmed) keeps it on screen until acknowledged, even when a status check in between already answers that the
  // operator is signed in.
  const [encrypted, setEncrypted] = useState<SignedIn | null>(null);
  // A status that could not be read (the core's threads restarting after a restore) says nothing about who is signed
  // in: keep what is shown and ask again shortly, rather than sending a signed-in person to the sign-in page.
  const refresh = useCallback(function ask() {
    call('auth.status', {}).then(setStatus, () => setTimeout(ask, 1000));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, LOCK_CHECK_MS);
    const off = onSignedOut(refresh);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [refresh]);
  const signOut = useCallback(() => {
    void call('auth.signOut', {}).finally(refresh);
  }, [refresh]);
  // Once the first start has begun, its page stays until the recovery code has been acknowledged, even when a status
  // check in between already answers that the administrator exists.
  useEffect(() => {
    if (status?.needsSetup) setInSetup(true);
  }, [status]);
  if (!status) return null;
  const signedIn = (operator: Caller) => {
    setInSetup(false);
    setStatus({ needsSetup: false, operator });
  };
  if (status.needsSetup || inSetup) return <SetupPage onDone={signedIn} />;
  // Nothing of the register stays on screen once signed out: the console below is unmounted with its data.
  if (!status.operator || encrypted)
    return (
      <>
        <SignInPage lockedFrom={status.lockedFrom ?? null} onDone={(r) => (r.recoveryCode ? setEncrypted(r) : signedIn(r.operator))} />
        <RecoveryCodeModal
          code={encrypted?.recoveryCode ?? null}
          justEncrypted={!!encrypted?.justEncrypted}
          onDone={() => {
            // Until confirmed, every administrator's sign-in issues a new code (the answer may not have been seen).
            void call('auth.recoveryCodeSeen', {}).finally(() => {
              setEncrypted(null);
              signedIn(encrypted!.operator);
            });
          }}
        />
      </>
    );
  const operator = status.operator;
  return (
    <OperatorContext.Provider value={{ operator, may: (name) => contractMay(operator, name), signOut }}>{children}</OperatorContext.Provider>
  );
}
