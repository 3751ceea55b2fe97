// Renders the card for one contact: the card's element tree runs through the
// remote-ui reconciler into a receiver, which RemoteRenderer paints with DOM components.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { createRemoteRoot, createRoot } from '@remote-ui/react';
import { RemoteComponent, RemoteRenderer, createController, createRemoteReceiver, type Controller } from '@remote-ui/react/host';
import { PREVIEW_COMPONENTS, placeholderFor } from './components.tsx';
import { openSession, whenExtensionRegistered, type SessionHooks } from './sdk-globals.ts';

const isMapped = (type: unknown): type is keyof typeof PREVIEW_COMPONENTS =>
  typeof type === 'string' && Object.hasOwn(PREVIEW_COMPONENTS, type);

function createPreviewController(): Controller {
  const controller: Controller = createController(PREVIEW_COMPONENTS, {
    renderComponent(props, { renderDefault }) {
      if (isMapped(props.component.type)) return renderDefault();
      // One unmapped component would otherwise throw and unmount the whole card.
      // Its children go through the same controller, so mapped ones still render.
      const fallback: Controller = {
        get: (type) => (isMapped(type) ? PREVIEW_COMPONENTS[type] : placeholderFor(String(type))),
        renderer: controller.renderer,
      };
      return <RemoteComponent key={props.key} receiver={props.receiver} parent={props.parent} component={props.component} controller={fallback} />;
    },
  });
  return controller;
}

export interface CardFrameProps extends SessionHooks {
  contactId: string;
}

/** Mount with key={contactId}: each contact gets a fresh card, as a new record page would. */
export function CardFrame({ contactId, onAlert, onRecordChanged }: CardFrameProps) {
  const receiver = useMemo(() => createRemoteReceiver(), []);
  const controller = useMemo(() => createPreviewController(), []);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    const session = openSession(contactId, { onAlert, onRecordChanged });
    const remoteRoot = createRemoteRoot(receiver.receive);
    const root = createRoot(remoteRoot);
    whenExtensionRegistered().then((extension) => {
      if (disposed) return;
      const element: ReactElement = extension({ context: session.context, actions: session.actions, runServerlessFunction: undefined });
      root.render(element);
      void remoteRoot.mount();
    }).catch((error: Error) => setFailure(error.message));
    return () => {
      disposed = true;
      root.unmount();
      session.dispose();
    };
    // onAlert/onRecordChanged are stable callbacks from the page.
  }, [contactId, receiver]);

  if (failure) return <div className="placeholder" data-testid="card-failure">{`The card failed to start: ${failure}`}</div>;
  return <RemoteRenderer receiver={receiver} controller={controller} />;
}
