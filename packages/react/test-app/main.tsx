// A small React app using <KumoUploadWidget>, built with Vite by react-app.node.test.ts. The server
// to upload to comes in the query string: ?apiBase=…&cloudName=…&uploadPreset=…
import { KumoUploadWidget, type KumoUploadWidgetElement } from '@kumo/react';
import type { KumoUploadSuccessEvent } from '@kumo/upload-widget';
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const query = new URLSearchParams(location.search);

function App() {
  const [publicIds, setPublicIds] = useState<readonly string[]>([]);
  const [refTag, setRefTag] = useState('');
  const widget = useRef<KumoUploadWidgetElement>(null);
  useEffect(() => setRefTag(widget.current?.localName ?? ''), []);
  const handleSuccess = (event: KumoUploadSuccessEvent) => {
    setPublicIds((ids) => [...ids, event.detail.info.public_id]);
  };
  return (
    <main>
      <KumoUploadWidget
        ref={widget}
        mode="inline"
        apiBase={query.get('apiBase') ?? ''}
        cloudName={query.get('cloudName') ?? 'demo'}
        uploadPreset={query.get('uploadPreset') ?? undefined}
        tags={['react-app']}
        onUploadSuccess={handleSuccess}
      />
      <output id="public-ids">{publicIds.join(' ')}</output>
      <output id="ref-tag">{refTag}</output>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
