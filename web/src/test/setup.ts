import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

afterEach(() => cleanup());

// findBy and waitFor wait 1 s by default, too short for a page's next state on a busy CI machine.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no modal dialogs: showModal and close set the attribute as a browser does.
beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

// jsdom does not scroll (window.scrollTo only logs an error there); the layout's
// ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;
