export default defineBackground(() => {
  // Wired in src/background (store, matching, messaging).
});
