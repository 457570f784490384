package org.mnistlab.base.ui;

import com.vaadin.flow.component.button.Button;

/**
 * Copies the page's address to the clipboard in the browser (no round trip) and says so on the button for
 * two seconds. Pages keep their state in the address, so the copied link opens the same view.
 */
public class CopyLinkButton extends Button {

    public CopyLinkButton() {
        super("Copy link", LabIcon.Name.LINK.create());
        setId("copy-link");
        setTooltipText("Copy this page's address");
        // navigator.clipboard needs a secure context (https or localhost); a selected text area works elsewhere
        getElement().executeJs("""
                this.addEventListener('click', async () => {
                  const url = location.href;
                  try {
                    await navigator.clipboard.writeText(url);
                  } catch (e) {
                    const area = document.createElement('textarea');
                    area.value = url;
                    document.body.appendChild(area);
                    area.select();
                    document.execCommand('copy');
                    area.remove();
                  }
                  this.dataset.copied = url;
                  const label = [...this.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                  if (label) {
                    label.textContent = 'Link copied';
                    setTimeout(() => { label.textContent = 'Copy link'; }, 2000);
                  }
                });""");
    }
}
