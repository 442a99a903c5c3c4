import { ApiError } from '@swigs/sdk';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { dismissToast, useToasts } from '../lib/toast';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { useConfirmedAction } from './useConfirmedAction';

interface Item {
  id: string;
  name: string;
}

const deleted: string[] = [];
const done: string[] = [];

/** A list whose rows are deleted behind a confirmation; the server refuses to delete "Gardée". */
function Harness() {
  const remove = useMutation({
    mutationFn: async (id: string) => {
      if (id === 'kept') {
        throw new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'COURSE_GONE' });
      }
      deleted.push(id);
    },
  });
  const deletion = useConfirmedAction(remove, {
    variables: (target: Item) => target.id,
    onDone: (target) => done.push(target.name),
  });
  const toasts = useToasts();
  return (
    <>
      {[
        { id: 'a', name: 'Voile' },
        { id: 'kept', name: 'Gardée' },
      ].map((item) => (
        <button key={item.id} type="button" onClick={() => deletion.ask(item)}>
          Supprimer {item.name}
        </button>
      ))}
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={`Supprimer « ${deletion.target?.name ?? ''} » ?`}
        confirmLabel="Confirmer"
      />
      <ul aria-label="toasts">
        {toasts.map((toast) => (
          <li key={toast.id}>{toast.message}</li>
        ))}
      </ul>
    </>
  );
}

function renderHarness() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <Harness />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods: what the Dialog component calls.
  const proto = HTMLDialogElement.prototype;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

/** The dialog's content is rendered only while it is open. */
const dialogText = () => screen.queryByRole('heading', { level: 2 })?.textContent ?? null;

afterEach(() => {
  deleted.length = 0;
  done.length = 0;
  cleanup();
});

describe('useConfirmedAction', () => {
  it('asks first, runs the action on confirmation, then closes and reports', async () => {
    renderHarness();
    expect(dialogText()).toBeNull();
    fireEvent.click(screen.getByText('Supprimer Voile'));
    expect(dialogText()).toBe('Supprimer « Voile » ?');
    expect(deleted).toEqual([]);

    fireEvent.click(screen.getByText('Annuler'));
    await waitFor(() => expect(dialogText()).toBeNull());
    expect(deleted).toEqual([]);

    fireEvent.click(screen.getByText('Supprimer Voile'));
    fireEvent.click(screen.getByText('Confirmer'));
    await waitFor(() => expect(dialogText()).toBeNull());
    expect(deleted).toEqual(['a']);
    expect(done).toEqual(['Voile']);
  });

  it('closes on a refusal and shows the reason, having done nothing else', async () => {
    renderHarness();
    fireEvent.click(screen.getByText('Supprimer Gardée'));
    fireEvent.click(screen.getByText('Confirmer'));
    await waitFor(() => expect(dialogText()).toBeNull());
    expect(deleted).toEqual([]);
    expect(done).toEqual([]);
    const toast = screen.getByRole('list', { name: 'toasts' }).textContent ?? '';
    expect(toast).toBe(i18n.t('errors.COURSE_GONE'));
    expect(toast).not.toBe('');
    act(() => {
      for (let id = 0; id < 100; id++) dismissToast(id);
    });
  });
});
