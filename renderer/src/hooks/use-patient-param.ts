import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Patient } from '../../../shared/domain/patients';
import { bridge } from '../lib/bridge';

/**
 * The patient a page works on, kept in the address (`?patient=<id>`) so a link from the patient's
 * file or a booking opens the page with them chosen, and reloading keeps them.
 */
export function usePatientParam(): [Patient | null, (p: Patient | null) => void] {
  const [params, setParams] = useSearchParams();
  const patientId = params.get('patient') ?? '';
  const [patient, setPatient] = useState<Patient | null>(null);

  useEffect(() => {
    if (!patientId || patient?.id === patientId) return undefined;
    let current = true;
    bridge.call('patients.get', { id: patientId }).then(
      (p) => current && setPatient(p),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [patientId, patient]);

  const choose = (p: Patient | null) => {
    setPatient(p);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (p) next.set('patient', p.id);
        else next.delete('patient');
        return next;
      },
      { replace: true },
    );
  };
  return [patientId ? patient : null, choose];
}
