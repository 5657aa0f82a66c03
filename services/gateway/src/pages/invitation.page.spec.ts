import { newPreviewReply } from '../testing/reply-factories';
import { formalAddress, renderInvitationPreview } from './invitation.page';

const TOKEN = 'T'.repeat(43);

describe(formalAddress.name, () => {
  it.each([
    [
      { salutation: 'Frau', officeTitle: 'Oberbürgermeisterin', academicTitle: 'Dr.' },
      'Sehr geehrte Frau Oberbürgermeisterin Dr. Muster',
    ],
    [{ salutation: 'Herr', officeTitle: 'Landrat' }, 'Sehr geehrter Herr Landrat Muster'],
    [{ salutation: 'Herr', officeTitle: 'Vorstand der Stadtwerke' }, 'Sehr geehrter Herr Muster'],
    [{ salutation: 'Frau', academicTitle: 'Prof. Dr.' }, 'Sehr geehrte Frau Prof. Dr. Muster'],
    [{ salutation: 'keine', academicTitle: 'Dr.' }, 'Guten Tag Dr. Anna Muster'],
  ] as const)('addresses %p as "%s"', (person, expected) => {
    expect(formalAddress({ firstName: 'Anna', lastName: 'Muster', ...person })).toBe(expected);
  });
});

describe(renderInvitationPreview.name, () => {
  it('shows the invitation with two forms that post to the answer pages, carrying the request key', () => {
    const page = renderInvitationPreview(newPreviewReply(), TOKEN, 'key-12345678');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Sehr geehrte Frau Oberbürgermeisterin Dr. Muster,');
    expect(page.html).toContain(`<form method="post" action="/einladung/${TOKEN}/zusagen"`);
    expect(page.html).toContain(`<form method="post" action="/einladung/${TOKEN}/absagen"`);
    expect(page.html.match(/name="requestKey" value="key-12345678"/g)).toHaveLength(2);
    expect(page.html).toContain('<label for="reason">');
    expect(page.html).toContain('21. Dezember 2026');
  });

  it('escapes everything that came from the invitation', () => {
    const page = renderInvitationPreview(
      newPreviewReply({
        firstName: '<script>alert(1)</script>',
        lastName: '"Muster"',
        organisation: 'Stadt <b>Lemgo</b>',
        personalMessage: '</blockquote><form action="https://evil.example">',
      }),
      TOKEN,
      'key-12345678',
    );
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).toContain('&quot;Muster&quot;');
    expect(page.html).toContain('Stadt &lt;b&gt;Lemgo&lt;/b&gt;');
    expect(page.html).not.toContain('https://evil.example"');
    expect(page.html.match(/<form /g)).toHaveLength(2);
  });

  it.each([
    ['accepted', 'Sie haben bereits zugesagt'],
    ['declined', 'Sie haben bereits abgesagt'],
    ['revoked', 'Diese Einladung gilt nicht mehr'],
    ['expired', 'Diese Einladung ist abgelaufen'],
  ] as const)('shows an invitation that is %s without forms', (status, heading) => {
    const page = renderInvitationPreview(newPreviewReply({ status }), TOKEN, 'key-12345678');
    expect(page.html).toContain(heading);
    expect(page.html).not.toContain('<form');
  });
});
