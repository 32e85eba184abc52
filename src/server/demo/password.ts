/** Every demo account's password; apart from the loader so `rabita serve` can print it cheaply. */
export const DEMO_PASSWORD = 'rabita-demo-2026';
