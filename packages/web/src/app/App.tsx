import { FluentProvider, Title1, webLightTheme } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title1 as="h1">CSP Software Portal</Title1>
      </main>
    </FluentProvider>
  );
}
