import { act, cleanup, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useListParams } from './useListParams';

const seen: { search: string; setParam?: (key: string, value: string | undefined) => void } = { search: '' };

function Probe() {
  const [, setParam] = useListParams();
  seen.search = useLocation().search;
  seen.setParam = setParam;
  return null;
}

afterEach(cleanup);

describe('useListParams', () => {
  it('sets and removes filters, back to the first page, and keeps the page when the page changes', () => {
    render(
      <MemoryRouter initialEntries={['/journal?site=a&page=3']}>
        <Probe />
      </MemoryRouter>,
    );
    act(() => seen.setParam!('page', '4'));
    expect(seen.search).toBe('?site=a&page=4');
    act(() => seen.setParam!('entity', 'course'));
    expect(seen.search).toBe('?site=a&entity=course');
    act(() => seen.setParam!('page', '2'));
    act(() => seen.setParam!('site', undefined));
    expect(seen.search).toBe('?entity=course');
  });
});
