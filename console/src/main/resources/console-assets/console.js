// dsrflow console: open and close reason dialogs, and send the CSRF token with htmx requests.
document.addEventListener('click', function (event) {
  var opener = event.target.closest('[data-open-dialog]');
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
    if (dialog) {
      var product = opener.getAttribute('data-product');
      if (product) {
        dialog.querySelector('input[name="product"]').value = product;
        dialog.querySelector('[data-product-label]').textContent = product;
      }
      dialog.showModal();
    }
    return;
  }
  var closer = event.target.closest('[data-close-dialog]');
  if (closer) {
    closer.closest('dialog').close();
  }
});
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
  }
});
document.addEventListener('change', function (event) {
  if (event.target.matches('[data-select-all]')) {
    document.querySelectorAll('input[name="ids"]:not(:disabled)').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});
