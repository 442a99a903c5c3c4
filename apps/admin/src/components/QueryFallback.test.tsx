import { ApiError } from '@swigs/sdk';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { QueryFallback } from './QueryFallback';

const wrap = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

afterEach(cleanup);

describe('QueryFallback', () => {
  it('shows loading rows while the query is pending, or what the screen gives instead', () => {
    wrap(<QueryFallback query={{ isPending: true, error: null }} />);
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe(i18n.t('common.loading'));
    cleanup();
    wrap(<QueryFallback query={{ isPending: true, error: null }} loading={<p>Chargement des images</p>} />);
    expect(screen.getByText('Chargement des images')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the API’s reason when the query failed', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Gone', status: 410, code: 'COURSE_GONE' });
    wrap(<QueryFallback query={{ isPending: false, error }} />);
    expect(screen.getByText(i18n.t('errors.COURSE_GONE'))).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
