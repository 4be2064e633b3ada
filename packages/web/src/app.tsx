import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { RouterProvider } from 'react-router';
import { router } from './routes';
import { SessionProvider, type InitialSessionState } from './session/session-context';

const useStaticStyles = makeStaticStyles({
  body: { margin: 0 },
  '*, *::before, *::after': { boxSizing: 'border-box' },
  '.visually-hidden': {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Fluent theme, the session, and the routes. */
export function App({ initial }: { initial: InitialSessionState }) {
  useStaticStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <SessionProvider initial={initial}>
        <RouterProvider router={router} />
      </SessionProvider>
    </FluentProvider>
  );
}
