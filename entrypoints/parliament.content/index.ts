export default defineContentScript({
  matches: ['*://hansard.parliament.uk/*', '*://bills.parliament.uk/*', '*://publications.parliament.uk/*'],
  main() {},
});
