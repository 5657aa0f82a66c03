import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

afterEach(() => cleanup());

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
