import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import '../styles.css';
import './participant.css';
import { ParticipantApp } from './ParticipantApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParticipantApp />
  </StrictMode>,
);
