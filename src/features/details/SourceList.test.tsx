import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SourceList } from './SourceList';

describe('SourceList', () => {
  it('links only http(s) sources, safely, and shows other addresses as text', () => {
    render(
      <SourceList
        terms={[]}
        sources={[
          {
            url: 'https://www.defense.gov/News/',
            title: 'DoD readout',
            publisher: 'DoD',
            published: '2023-12-21',
          },
          { url: 'javascript:alert(1)', title: 'Click me' },
          { url: 'data:text/html,<script>alert(1)</script>' },
        ]}
      />,
    );
    const list = screen.getByRole('region', { name: 'Sources' });
    expect(within(list).getByRole('heading')).toHaveTextContent('Sources (3)');
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('DoD readout');
    expect(links[0]).toHaveAttribute('href', 'https://www.defense.gov/News/');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
    expect(links[0]).toHaveAttribute('target', '_blank');
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('DoD readout — DoD, 2023-12-21');
    expect(items[1]).toHaveTextContent('Address shown as text, not a link');
    expect(items[1]).toHaveTextContent('javascript:alert(1)');
    expect(items[2]).toHaveTextContent('data:text/html,<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
  });

  it('marks the search terms in titles and quotes, as text', () => {
    render(
      <SourceList
        terms={['frozen']}
        sources={[
          { title: 'On frozen assets', quote: 'premature to discuss frozen <b>Russian</b> assets' },
        ]}
      />,
    );
    const marks = screen.getAllByText('frozen', { selector: 'mark' });
    expect(marks).toHaveLength(2);
    expect(screen.getByRole('blockquote' as never, { hidden: true })).toHaveTextContent(
      '<b>Russian</b>',
    );
  });

  it('says when an event gives no sources', () => {
    render(<SourceList terms={[]} sources={[]} />);
    expect(screen.getByText('No sources given.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Sources' })).toBeNull();
  });
});
