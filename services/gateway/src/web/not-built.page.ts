/**
 * What `/` and every page of the web app answer (503) while `web/dist` is missing: the gateway and
 * its API run, only the built web app is not there. Plain markup without any style, so that the
 * web app's Content-Security-Policy holds for it too.
 */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Web-Anwendung nicht gebaut – Innovators Club</title>
  </head>
  <body>
    <main>
      <h1>Die Web-Anwendung ist noch nicht gebaut</h1>
      <p>Der Server und seine Schnittstelle unter <code>/api/v1</code> laufen, aber die gebauten Dateien der
        Web-Anwendung fehlen (Verzeichnis <code>web/dist</code> oder das in <code>WEB_DIST_DIR</code>
        eingestellte).</p>
      <p>Bauen Sie sie im Projektverzeichnis mit <code>npm run build</code> und laden Sie diese Seite
        danach neu.</p>
    </main>
  </body>
</html>
`;
